package org.fwcts.testcases.cli;

import java.io.IOException;
import java.util.List;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;

/**
 * A build-tool command run in the checkout for the CLI's project subcommands (selftest, build,
 * bench-model), its output passed straight through.
 *
 * <p>The build may rewrite the jar this CLI runs from, so nothing is loaded from it once the
 * command has started: the exit code is returned by halting the JVM.
 */
final class ProjectCommand {

    private ProjectCommand() {
    }

    /** Runs each command in turn in the checkout's root, stopping at the first that fails; returns its exit code. */
    static int run(List<List<String>> commands) {
        ProjectLayout layout = ProjectLayout.discover();
        int code = 0;
        for (List<String> command : commands) {
            try {
                Process process = new ProcessBuilder(command).directory(layout.root().toFile()).inheritIO().start();
                code = process.waitFor();
            } catch (IOException e) {
                throw new TargetException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                code = 130;
            }
            if (code != 0) {
                break;
            }
        }
        Runtime.getRuntime().halt(code);
        return code;
    }
}
