package org.fwcts.testcases.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fwcts selftest}: builds everything and runs the project's own tests, as CI does. */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Build everything and run the project's own tests (mvn -B verify in the checkout; what CI runs)."
                + " Extra arguments go to Maven, e.g. -Dtest=RecheckCommandSelfTests. Exit code: Maven's.")
final class SelftestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MAVEN_ARG", arity = "0..*", description = "Passed to Maven.")
    List<String> mavenArgs = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "verify"));
        command.addAll(mavenArgs);
        return ProjectCommand.run(List.of(command));
    }
}
