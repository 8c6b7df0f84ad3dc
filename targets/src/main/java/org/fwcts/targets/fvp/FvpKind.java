package org.fwcts.targets.fvp;

import java.time.Duration;
import java.util.List;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.ConsoleSpec;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.descriptor.YamlNode;
import org.fwcts.targets.image.ImageManifest;
import org.fwcts.targets.spi.DoctorCheck;
import org.fwcts.targets.spi.KindRules;
import org.fwcts.targets.spi.KindSettings;
import org.fwcts.targets.spi.TargetKind;

/**
 * Targets an Arm FVP runs: an {@code fvp} section, consoles that are the model's terminals
 * (raw TCP, no telnet negotiation), and the slow boots and calls of a model.
 */
public final class FvpKind implements TargetKind {
    /**
     * A model runs far slower than QEMU: minutes to boot, seconds per call. The harness sets every
     * terminal to raw mode: no telnet negotiation on the line.
     */
    private static final KindRules RULES = KindRules.modelTerminals(List.of(ConsoleSpec.Kind.TCP))
            .withTimeouts(Duration.ofSeconds(300), Duration.ofSeconds(30));

    @Override
    public String name() {
        return "fvp";
    }

    @Override
    public KindRules rules() {
        return RULES;
    }

    @Override
    public KindSettings read(YamlNode descriptor) {
        // An FVP's cores reset into EL3 at address 0, where only secure firmware can take over.
        boolean tfa = descriptor.optionalMapping("firmware").map(firmware -> firmware.optionalString("bl1").isPresent()
                && firmware.optionalString("fip").isPresent()).orElse(false);
        if (!tfa) {
            throw descriptor.error("firmware", "an FVP target boots TF-A: give firmware.bl1 and firmware.fip");
        }
        return FvpSettings.read(descriptor.mappingOrEmpty(name()));
    }

    @Override
    public TargetLauncher launcher(TargetDescriptor descriptor, ProjectLayout layout) {
        return new FvpLauncher(ImageManifest.load(layout.imageManifest()));
    }

    @Override
    public List<DoctorCheck> checks(TargetDescriptor descriptor) {
        return List.of(new DoctorCheck("FVP model", () -> FvpChecks.model(descriptor)),
                new DoctorCheck("FVP licence variables", () -> FvpChecks.licence(descriptor)));
    }
}
