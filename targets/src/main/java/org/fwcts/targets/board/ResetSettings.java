package org.fwcts.targets.board;

/** How a board is reset, as its descriptor says; {@link BoardDrivers} builds the reset at launch. */
public sealed interface ResetSettings {

    /** By cycling the board's power switch. */
    record PowerCycle() implements ResetSettings {
    }

    /** By a command, e.g. a debug probe's reset. */
    record Command(ShellCommand command) implements ResetSettings {
    }
}
