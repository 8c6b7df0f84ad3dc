package org.fwcts.targets.board;

import java.nio.file.Path;
import java.util.Map;

/** Deploys by a flasher command from the descriptor, with {@code {image}} replaced by the image's path. */
record CommandDeploy(ShellCommand command) implements Deploy {

    @Override
    public String deploy(Path image) {
        command.run(Map.of("image", image.toString()));
        return "flashed by: " + command.template();
    }
}
