package org.fwcts.testcases.cli;

import org.fwcts.harness.explore.TargetAreas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwcts.harness.explore.ScenarioFiles;
import org.fwcts.model.explore.Generators;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --scenarios PATH}: every file is read before anything runs, so a bad one stops the run with its name and field. */
final class ScenarioOption {
    /** What the catalogue's scenario tests read their folders from. */
    static final String PROPERTY = "fwcts.scenarios";

    private ScenarioOption() {
    }

    /** Reads every scenario under {@code path}; a missing, empty or malformed one is an error naming the file and field. */
    static void check(CommandSpec spec, Path path) {
        if (!Files.exists(path)) {
            throw new ParameterException(spec.commandLine(), "--scenarios: " + path + ": no such file or folder;"
                    + " nothing was run");
        }
        try {
            List<Path> files = ScenarioFiles.list(path);
            if (files.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--scenarios: " + path + ": no .yaml scenario files;"
                        + " nothing was run");
            }
            for (Path file : files) {
                ScenarioFiles.read(file, TargetAreas.known());
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--scenarios: " + path + ": cannot be read: " + e.getMessage()
                    + "; nothing was run");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scenarios: " + e.getMessage() + "; nothing was run");
        }
    }
}
