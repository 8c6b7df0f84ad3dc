package org.fwcts.harness.simulated;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fwcts.harness.session.TargetProfiles;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.profile.Profile;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.TargetDescriptor;

/**
 * Launches simulated targets: the reference model under the descriptor's profile plays the
 * firmware, with the deviations the descriptor injects. Everything it reports says it is a
 * simulation, not a conformance result.
 */
final class SimulatedLauncher implements TargetLauncher {
    /** Simulated normal-world and secure RAM: QEMU virt's secure RAM up to the top of 1 GiB of DRAM. */
    private static final long RAM_BASE = 0x0E00_0000L;
    private static final long RAM_END = 0x8000_0000L;

    /** Checks what can be checked before launching: the deviations' names and the profile. */
    void check(TargetDescriptor descriptor) {
        deviationsOf(descriptor);
        TargetProfiles.of(descriptor);
    }

    @Override
    public RunningTarget launch(TargetDescriptor descriptor, Path workDir) {
        Profile profile = TargetProfiles.of(descriptor);
        List<Deviation> deviations = deviationsOf(descriptor);
        SimulatedMemory memory = new SimulatedMemory(RAM_BASE, RAM_END - RAM_BASE);
        SimulatedFirmware firmware = new SimulatedFirmware(profile, deviations, memory);
        EndpointId self = profile.ffa().map(system -> system.topology().primaryNormalWorld()).orElse(EndpointId.HYPERVISOR);
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("simulates", "profile " + profile.name());
        identity.put("deviations", deviations.isEmpty() ? "none"
                : String.join("; ", deviations.stream().map(Deviation::description).toList()));
        return new SimulatedTarget(new SimulatedMachine(memory, firmware, self), identity);
    }

    private static List<Deviation> deviationsOf(TargetDescriptor descriptor) {
        List<String> names = descriptor.settings(SimulatedSettings.class).deviations();
        try {
            return Deviations.parse(names);
        } catch (IllegalArgumentException e) {
            throw new TargetException(descriptor.file() + ": simulated." + e.getMessage(), e);
        }
    }
}
