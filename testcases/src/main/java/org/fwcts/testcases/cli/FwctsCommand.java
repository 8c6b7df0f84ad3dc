package org.fwcts.testcases.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fwcts} command line. */
@Command(name = "fwcts", mixinStandardHelpOptions = true, version = "FWCTS 0.1.0",
        description = "Conformance tests for Arm firmware interfaces, predicted by an executable reference model.",
        subcommands = {RunCommand.class, ListCommand.class, DoctorCommand.class, BenchCommand.class})
public final class FwctsCommand implements Runnable {
    /** Exit code for a harness, target or input error (the run reached no verdict). */
    static final int ERROR_EXIT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new FwctsCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("fwcts: " + e.getMessage());
            return ERROR_EXIT;
        });
        commandLine.setExitCodeExceptionMapper(e -> ERROR_EXIT);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
