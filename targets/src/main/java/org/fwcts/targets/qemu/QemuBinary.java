package org.fwcts.targets.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.targets.Executables;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.TargetDescriptor;

/**
 * The QEMU a target runs, found and asked its version, and checked against the descriptor's
 * {@code qemu.minimumVersion} before anything is started.
 */
record QemuBinary(Path path, QemuVersion version) {

    /**
     * @throws TargetException naming {@code qemu.binary} when it is not installed, or
     *         {@code qemu.minimumVersion} with the version found when it is too old
     */
    static QemuBinary check(TargetDescriptor target) {
        return check(target, target.settings(QemuSettings.class));
    }

    /** As {@link #check(TargetDescriptor)}, for QEMU set up by {@code settings} (a kind that boots QEMU its own way). */
    static QemuBinary check(TargetDescriptor target, QemuSettings settings) {
        Path path = Executables.find(settings.binary()).orElseThrow(() -> new TargetException(target.file()
                + ": qemu.binary: '" + settings.binary() + "' is not installed or not on PATH;"
                + " install Debian's qemu-system-arm (apt-get install qemu-system-arm)"));
        settings.dataDir().filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> {
            throw new TargetException(target.file() + ": qemu.dataDir: no directory at " + dir);
        });
        QemuVersion version = QemuVersionProbe.of(path);
        settings.minimumVersion().filter(minimum -> !version.atLeast(minimum)).ifPresent(minimum -> {
            throw new TargetException(target.file() + ": qemu.minimumVersion: the target needs QEMU " + minimum
                    + " or later, but qemu.binary '" + path + "' is QEMU " + version
                    + "; point qemu.binary at a newer QEMU (see README, \"QEMU with RME\")");
        });
        return new QemuBinary(path, version);
    }
}
