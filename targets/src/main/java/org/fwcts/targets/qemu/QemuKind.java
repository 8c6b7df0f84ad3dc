package org.fwcts.targets.qemu;

import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.targets.Executables;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.descriptor.YamlNode;
import org.fwcts.targets.image.ImageManifest;
import org.fwcts.targets.spi.DoctorCheck;
import org.fwcts.targets.spi.KindRules;
import org.fwcts.targets.spi.KindSettings;
import org.fwcts.targets.spi.TargetKind;

/** Targets QEMU runs: a {@code qemu} section, consoles QEMU serves, launched and stopped by the harness. */
public final class QemuKind implements TargetKind {
    /** {@code -m} as QEMU reads it: a size in MiB, or with a K, M, G or T suffix. */
    private static final Pattern MEMORY = Pattern.compile("([1-9][0-9]{0,9})([KMGT]?)", Pattern.CASE_INSENSITIVE);
    /** Below this no agent image and its stack fit; above it QEMU's virt board has no room. */
    private static final long MIN_MEMORY_MIB = 16;
    private static final long MAX_MEMORY_MIB = 1L << 20;

    @Override
    public String name() {
        return "qemu";
    }

    @Override
    public KindRules rules() {
        return KindRules.launched(KindRules.EMULATOR_CONSOLES);
    }

    @Override
    public KindSettings read(YamlNode descriptor) {
        YamlNode node = descriptor.mapping(name()).allowOnly(Set.of("binary", "machine", "cpu", "memory", "cpus",
                "extraArgs", "minimumVersion", "dataDir", "versionProfiles"));
        return new QemuSettings(node.optionalString("binary").orElse("qemu-system-aarch64"), node.string("machine"),
                node.string("cpu"), memory(node), node.integer("cpus", 1, 1, 512), node.strings("extraArgs"),
                node.optionalString("minimumVersion").map(text -> version(node, "minimumVersion", text)),
                node.optionalPath("dataDir"), versionProfiles(node));
    }

    private static QemuVersion version(YamlNode node, String field, String text) {
        return QemuVersion.parse(text).orElseThrow(() -> node.error(field,
                "expected a QEMU version such as 8.2 or 10.0.2, got '" + text + "'"));
    }

    /** {@code versionProfiles: {"10.0": name}}: from QEMU 10.0 on, profile {@code name}. */
    private static NavigableMap<QemuVersion, String> versionProfiles(YamlNode node) {
        NavigableMap<QemuVersion, String> profiles = new TreeMap<>();
        if (node.optionalMapping("versionProfiles").isEmpty()) {
            return profiles;
        }
        node.stringMap("versionProfiles").forEach((from, profile) -> profiles.put(
                version(node, "versionProfiles." + from, from), profile));
        return profiles;
    }

    /**
     * The descriptor's profile, or the one its {@code versionProfiles} name for the QEMU the
     * binary is. A binary that cannot be found or asked keeps the descriptor's profile: launching
     * it reports the problem.
     */
    @Override
    public String profile(TargetDescriptor descriptor) {
        QemuSettings settings = descriptor.settings(QemuSettings.class);
        if (settings.versionProfiles().isEmpty()) {
            return descriptor.profile();
        }
        try {
            return Executables.find(settings.binary()).map(QemuVersionProbe::of)
                    .map(version -> settings.profileFor(version, descriptor.profile())).orElse(descriptor.profile());
        } catch (TargetException e) {
            return descriptor.profile();
        }
    }

    private static String memory(YamlNode node) {
        String text = node.optionalString("memory").orElse("512M");
        Matcher match = MEMORY.matcher(text);
        if (!match.matches()) {
            throw node.error("memory", "expected a size such as 512M or 2G, got '" + text + "'");
        }
        long mib = mebibytes(Long.parseLong(match.group(1)), match.group(2).toUpperCase(Locale.ROOT));
        if (mib < MIN_MEMORY_MIB || mib > MAX_MEMORY_MIB) {
            throw node.error("memory", "must be between " + MIN_MEMORY_MIB + "M and " + (MAX_MEMORY_MIB >> 10)
                    + "G, got '" + text + "'");
        }
        return text;
    }

    private static long mebibytes(long value, String suffix) {
        return switch (suffix) {
            case "K" -> value >> 10;
            case "G" -> value > MAX_MEMORY_MIB ? Long.MAX_VALUE : value << 10;
            case "T" -> value > MAX_MEMORY_MIB ? Long.MAX_VALUE : value << 20;
            default -> value;
        };
    }

    @Override
    public TargetLauncher launcher(TargetDescriptor descriptor, ProjectLayout layout) {
        // The launch checks QEMU's version; asked now, the answer is ready by then. A missing binary fails at the launch.
        Executables.find(descriptor.settings(QemuSettings.class).binary()).ifPresent(QemuVersionProbe::askAhead);
        return new QemuLauncher(ImageManifest.load(layout.imageManifest()));
    }

    /** The binary with its version; fails as a launch would for a missing binary or one below the minimum. */
    @Override
    public List<DoctorCheck> checks(TargetDescriptor descriptor) {
        return List.of(new DoctorCheck("QEMU", () -> {
            QemuBinary binary = QemuBinary.check(descriptor);
            return binary.path() + " (QEMU " + binary.version() + ", profile " + profile(descriptor) + ")";
        }));
    }
}
