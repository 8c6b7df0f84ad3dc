package org.fwcts.harness.simulated;

import java.util.Set;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.descriptor.YamlNode;
import org.fwcts.targets.spi.KindRules;
import org.fwcts.targets.spi.KindSettings;
import org.fwcts.targets.spi.TargetKind;

/**
 * Simulated targets: no hardware or emulator; the reference model answers the agents' calls
 * in-process, with the deviations the optional {@code simulated} section injects. Its results
 * are never conformance results. It lives here, beside the model, not in {@code targets}.
 */
public final class SimulatedKind implements TargetKind {
    private static final KindRules RULES = KindRules.launched(KindRules.EMULATOR_CONSOLES).asSimulation();

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public KindRules rules() {
        return RULES;
    }

    @Override
    public KindSettings read(YamlNode descriptor) {
        YamlNode section = descriptor.mappingOrEmpty(name()).allowOnly(Set.of("deviations"));
        return new SimulatedSettings(section.strings("deviations"));
    }

    @Override
    public TargetLauncher launcher(TargetDescriptor descriptor, ProjectLayout layout) {
        SimulatedLauncher launcher = new SimulatedLauncher();
        launcher.check(descriptor);
        return launcher;
    }
}
