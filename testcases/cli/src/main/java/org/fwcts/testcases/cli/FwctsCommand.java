package org.fwcts.testcases.cli;

import org.fwcts.reports.SuiteInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fwcts} command line. */
@Command(name = "fwcts", mixinStandardHelpOptions = true, versionProvider = FwctsCommand.Version.class,
        description = "Conformance tests for Arm firmware interfaces, predicted by an executable reference model.",
        subcommands = {RunCommand.class, ReportCommand.class, CompareCommand.class, SummaryCommand.class,
            ListCommand.class, DoctorCommand.class, BenchCommand.class, RecheckCommand.class,
            SelftestCommand.class, BuildCommand.class, BenchModelCommand.class})
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
        CommandLine commandLine = new CommandLine(new FwctsCommand()).setCaseInsensitiveEnumValuesAllowed(true);
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

    /** The version Maven stamped into the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {SuiteInfo.NAME + " " + SuiteInfo.buildVersion()};
        }
    }
}
