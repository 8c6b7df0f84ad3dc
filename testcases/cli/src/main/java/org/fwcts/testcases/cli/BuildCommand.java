package org.fwcts.testcases.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fwcts build}: rebuilds the CLI and the agent images. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Rebuild the CLI and the agent images (mvn -B -q -DskipTests install in the checkout; make builds"
                + " the images with gcc-aarch64-linux-gnu). Exit code: Maven's.")
final class BuildCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return ProjectCommand.run(List.of(List.of("mvn", "-B", "-q", "-DskipTests", "install")));
    }
}
