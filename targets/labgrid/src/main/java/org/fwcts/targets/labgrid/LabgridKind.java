package org.fwcts.targets.labgrid;

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
 * Boards in a labgrid farm: a {@code labgrid} section names the coordinator and a place (or tags
 * to match); the run acquires the place and uses its console and power resources. Reading a
 * descriptor loads no gRPC class, so the kind costs nothing until it is used.
 */
public final class LabgridKind implements TargetKind {
    /**
     * The console address comes from the place, so the descriptor's console names no port; it
     * outlives a console server restart as a board's does.
     */
    private static final KindRules RULES = KindRules.launched(List.of(ConsoleSpec.Kind.TELNET, ConsoleSpec.Kind.TCP))
            .withConsoleReconnect(Duration.ofSeconds(60));

    @Override
    public String name() {
        return "labgrid";
    }

    @Override
    public KindRules rules() {
        return RULES;
    }

    @Override
    public KindSettings read(YamlNode descriptor) {
        return LabgridSection.read(descriptor);
    }

    @Override
    public TargetLauncher launcher(TargetDescriptor descriptor, ProjectLayout layout) {
        return new LabgridLauncher(descriptor.settings(LabgridSettings.class), ImageManifest.load(layout.imageManifest()));
    }

    @Override
    public List<DoctorCheck> checks(TargetDescriptor descriptor) {
        LabgridChecks checks = new LabgridChecks(descriptor.settings(LabgridSettings.class));
        return List.of(new DoctorCheck("labgrid coordinator", checks::coordinator),
                new DoctorCheck("labgrid place", checks::place),
                new DoctorCheck("labgrid resources", checks::resources));
    }
}
