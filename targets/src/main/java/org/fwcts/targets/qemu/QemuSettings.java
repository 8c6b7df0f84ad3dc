package org.fwcts.targets.qemu;

import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.fwcts.targets.spi.KindSettings;

/**
 * How to start QEMU for a target, from its descriptor's {@code qemu} section.
 *
 * @param binary the executable, a name looked up on PATH or a path
 * @param machine the {@code -machine} value
 * @param cpu the {@code -cpu} value
 * @param memory the {@code -m} value
 * @param cpus the {@code -smp} value
 * @param extraArgs further arguments, appended as given
 * @param minimumVersion the oldest QEMU that can run the target (FEAT_RME needs 8.2), if any
 * @param dataDir QEMU's data directory ({@code -L}), for a QEMU unpacked outside its prefix
 * @param versionProfiles from which QEMU version on another profile than the descriptor's applies
 */
public record QemuSettings(String binary, String machine, String cpu, String memory, int cpus, List<String> extraArgs,
        Optional<QemuVersion> minimumVersion, Optional<Path> dataDir, NavigableMap<QemuVersion, String> versionProfiles)
        implements KindSettings {
    public QemuSettings {
        extraArgs = List.copyOf(extraArgs);
        versionProfiles = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(versionProfiles));
    }

    /** Settings without a version requirement, data directory or profiles by version. */
    public QemuSettings(String binary, String machine, String cpu, String memory, int cpus, List<String> extraArgs) {
        this(binary, machine, cpu, memory, cpus, extraArgs, Optional.empty(), Optional.empty(), new TreeMap<>());
    }

    /** True when the machine option turns on EL3 (TrustZone), which secure firmware needs. */
    public boolean secure() {
        return machine.contains("secure=on");
    }

    /** The profile for QEMU {@code version}: the entry of the highest version not above it, else {@code declared}. */
    public String profileFor(QemuVersion version, String declared) {
        var entry = versionProfiles.floorEntry(version);
        return entry == null ? declared : entry.getValue();
    }
}
