package org.fwcts.targets.board;

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
 * Physical boards: a {@code board} section composing power, reset and deployment, and consoles
 * served elsewhere (a serial device here, a console server on the network).
 */
public final class BoardKind implements TargetKind {
    /** A board's console outlives a console server restart or a USB re-enumeration by default. */
    private static final KindRules RULES = KindRules.remote(List.of(ConsoleSpec.Kind.TCP, ConsoleSpec.Kind.TELNET,
            ConsoleSpec.Kind.SERIAL)).withConsoleReconnect(Duration.ofSeconds(60));

    @Override
    public String name() {
        return "board";
    }

    @Override
    public KindRules rules() {
        return RULES;
    }

    @Override
    public KindSettings read(YamlNode descriptor) {
        return BoardSection.read(descriptor.mappingOrEmpty(name()));
    }

    @Override
    public TargetLauncher launcher(TargetDescriptor descriptor, ProjectLayout layout) {
        return new BoardLauncher(ImageManifest.load(layout.imageManifest()));
    }

    @Override
    public List<DoctorCheck> checks(TargetDescriptor descriptor) {
        BoardSettings board = descriptor.settings(BoardSettings.class);
        return List.of(new DoctorCheck("board console", () -> BoardChecks.console(descriptor.agentConsole())),
                new DoctorCheck("board power", () -> BoardChecks.power(board)),
                new DoctorCheck("board deployment", () -> BoardChecks.deploy(board)));
    }
}
