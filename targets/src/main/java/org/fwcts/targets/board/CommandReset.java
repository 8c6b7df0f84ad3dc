package org.fwcts.targets.board;

import java.util.Map;

/** A reset line pulled by a command from the descriptor, e.g. a debug probe's reset. */
record CommandReset(ShellCommand command) implements Reset {

    @Override
    public void reset() {
        command.run(Map.of());
    }
}
