package org.fwcts.targets.qemu;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A QEMU release number, major.minor.micro, as {@code qemu-system-aarch64 --version} prints it
 * and as descriptors write a minimum ("8.2") or the first version a profile applies to.
 */
public record QemuVersion(int major, int minor, int micro) implements Comparable<QemuVersion> {
    private static final Pattern NUMBER = Pattern.compile("([0-9]{1,4})\\.([0-9]{1,4})(?:\\.([0-9]{1,4}))?");
    private static final Pattern BANNER = Pattern.compile("QEMU emulator version " + NUMBER.pattern());

    /** "8.2" or "10.0.2". */
    public static Optional<QemuVersion> parse(String text) {
        Matcher match = NUMBER.matcher(text.trim());
        return match.matches() ? Optional.of(of(match)) : Optional.empty();
    }

    /** The version in the first line of {@code --version} output ("QEMU emulator version 10.0.2 (Debian ...)"). */
    public static Optional<QemuVersion> fromBanner(String output) {
        Matcher match = BANNER.matcher(output);
        return match.find() ? Optional.of(of(match)) : Optional.empty();
    }

    private static QemuVersion of(Matcher match) {
        return new QemuVersion(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                match.group(3) == null ? 0 : Integer.parseInt(match.group(3)));
    }

    @Override
    public int compareTo(QemuVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(micro, other.micro);
    }

    public boolean atLeast(QemuVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
