package org.fwcts.targets.board;

import java.nio.file.Path;

/** How the agent image reaches a board, as its descriptor says; {@link BoardDrivers} builds the step at launch. */
public sealed interface DeploySettings {

    /** No step: the board boots what it already has. */
    record None() implements DeploySettings {
    }

    /**
     * A copy into a folder the board boots from.
     *
     * @param folder where the board looks
     * @param fileName the name the board expects: a plain file name, no folder part
     */
    record Folder(Path folder, String fileName) implements DeploySettings {
    }

    /** A flasher command with {@code {image}} in it. */
    record Command(ShellCommand command) implements DeploySettings {
    }
}
