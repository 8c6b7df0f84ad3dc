package org.fwcts.testcases.cli;

import java.util.List;
import org.fwcts.reports.SuiteInfo;
import org.fwcts.targets.text.UntrustedText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fwcts} command line. */
@Command(name = "fwcts", mixinStandardHelpOptions = true, versionProvider = FwctsCommand.Version.class,
        description = "Conformance tests for Arm firmware interfaces, predicted by an executable reference model.",
        footer = {"", "Exit codes: 0 passed; 1 conformance failures; 2 harness, target, build or input error."})
public final class FwctsCommand implements java.util.concurrent.Callable<Integer> {
    /** Exit code for a harness, target or input error (the run reached no verdict). */
    static final int ERROR_EXIT = 2;
    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, ReportCommand.class, CompareCommand.class,
            SummaryCommand.class, ListCommand.class, DoctorCommand.class, BenchCommand.class, BenchSuiteCommand.class,
            RecheckCommand.class, SelftestCommand.class, BuildCommand.class, BenchModelCommand.class,
            ExploreCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bench-suite")) {
            StartupPhases.turnOn();
            StartupPhases.mark("main started");
        }
        SuiteAhead.startFor(args);
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command line, with the subcommands {@code args} need, ready to execute them. */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new FwctsCommand());
        // No lambda or method reference with a picocli type in this class (see Errors).
        for (Class<?> command : subcommandsFor(args)) {
            commandLine.addSubcommand(command);
        }
        // Set after the subcommands are added: picocli passes these settings on only to the subcommands it has then.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(Errors.HANDLER);
        commandLine.setExitCodeExceptionMapper(Errors.HANDLER);
        return commandLine;
    }

    /**
     * What a command's error prints, and the exit code of any error. A class, not lambdas: picocli
     * is compiled for Java 5, and the class-data archive can hold such old classes only if nothing
     * links them while it is made; an archived lambda implementing a picocli interface does, and
     * picocli's 72 KB {@code CommandLine} was then read from its jar and verified on every start.
     */
    static final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {
        static final Errors HANDLER = new Errors();

        @Override
        public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
            // The message may quote the target (a panic, a banner): shown with its control characters made visible.
            command.getErr().println("fwcts: " + UntrustedText.lines(e.getMessage(), UntrustedText.BLOCK_LIMIT));
            return ERROR_EXIT;
        }

        @Override
        public int getExitCode(Throwable exception) {
            return ERROR_EXIT;
        }
    }

    /**
     * The subcommands the command line needs: only the one it names first, when it does (picocli
     * builds a command's model by reflecting over its class, a fifth of a short command's start-up for
     * all of them); else all of them, for the usage, the suggestions after a mistyped name, and the
     * error of an unknown one.
     */
    static List<Class<?>> subcommandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : SUBCOMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /** Without a command there is nothing to do: the usage, and the exit code of an input error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return ERROR_EXIT;
    }

    /** The version Maven stamped into the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {SuiteInfo.NAME + " " + SuiteInfo.buildVersion()};
        }
    }
}
