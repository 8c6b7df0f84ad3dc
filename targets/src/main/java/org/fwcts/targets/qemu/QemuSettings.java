package org.fwcts.targets.qemu;

import java.util.List;
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
 */
public record QemuSettings(String binary, String machine, String cpu, String memory, int cpus, List<String> extraArgs)
        implements KindSettings {
    public QemuSettings {
        extraArgs = List.copyOf(extraArgs);
    }

    /** True when the machine option turns on EL3 (TrustZone), which secure firmware needs. */
    public boolean secure() {
        return machine.contains("secure=on");
    }
}
