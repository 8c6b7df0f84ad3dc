package org.fwcts.testcases.cli;

import java.util.concurrent.Callable;
import org.fwcts.harness.agent.RoundTripBenchmark;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.model.Registers;
import org.fwcts.model.psci.PsciFunction;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.ConsoleSpec;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.fwcts.targets.descriptor.TargetDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fwcts bench}: agent call round trip against a bare echo over the same console. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Boot a target and time agent SMC round trips against same-size echo round trips,"
                + " alternating pair by pair, and the call rate as a share of what the console's line carries.")
final class BenchCommand implements Callable<Integer> {
    private static final int DEFAULT_LINE_BAUD = 115_200;

    @Option(names = {"-t", "--target"}, defaultValue = "qemu-virt", description = "Target. Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = {"-n", "--calls"}, defaultValue = "2000", description = "Measured calls of each kind. Default: ${DEFAULT-VALUE}.")
    int calls;

    @Spec
    CommandSpec spec;

    @Option(names = "--line-baud", paramLabel = "BAUD",
            description = "The serial line to compare with: default the console's baud rate for a serial console,"
                    + " else 115200 (a board's UART behind a console server).")
    Integer lineBaud;

    @Override
    public Integer call() throws Exception {
        if (calls < 1) {
            throw new ParameterException(spec.commandLine(), "--calls: " + calls + " is not a number of calls (1 or more);"
                    + " nothing was booted");
        }
        ProjectLayout layout = ProjectLayout.discover();
        TargetDescriptor descriptor = new TargetCatalog(layout.targetsDir()).find(target);
        ConsoleSpec console = descriptor.agentConsole();
        int baud = lineBaud != null ? lineBaud
                : console.kind() == ConsoleSpec.Kind.SERIAL ? console.line().baudRate() : DEFAULT_LINE_BAUD;
        Registers call = Registers.of(PsciFunction.PSCI_VERSION.smc32().register());
        try (TemporaryFolder work = new TemporaryFolder("fwcts-bench");
                Transcript transcript = Transcript.inMemory();
                TargetSession session = TargetSession.boot(descriptor, Launchers.forTarget(descriptor, layout), work.path(),
                        transcript)) {
            int warmup = Math.max(50, calls / 10);
            RoundTripBenchmark.Pairs pairs = new RoundTripBenchmark(session.agent()).pairs(call, warmup, calls);
            System.out.printf("target %s, console %s, %d echo/smc pairs (alternating) after %d warm-up pairs%n",
                    descriptor.name(), console.kind(), calls, warmup);
            print(pairs.echo(), baud);
            print(pairs.smc(), baud);
            System.out.printf("ratio smc/echo per pair: median %.2f, p10 %.2f, p90 %.2f   (goal <= 1.3)%n",
                    pairs.ratio(0.5), pairs.ratio(0.1), pairs.ratio(0.9));
            RoundTripBenchmark.Timing smc = pairs.smc();
            System.out.printf("line rate: %d baud (8N1) carries %.1f smc calls/s; measured %.0f calls/s = %.0f %% of line"
                    + " rate   (goal >= 80 %%)%n", baud, smc.lineCallsPerSecond(baud), smc.callsPerSecond(),
                    100 * smc.lineRateShare(baud));
        }
        return 0;
    }

    private static void print(RoundTripBenchmark.Timing timing, int baud) {
        System.out.printf("%-5s median %8.1f us  p10 %8.1f us  p90 %8.1f us  %8.0f calls/s  %3d bytes/call"
                        + "  %6.1f calls/s at %d baud%n", timing.what(), timing.medianMicros(), timing.percentileMicros(0.1),
                timing.percentileMicros(0.9), timing.callsPerSecond(), timing.bytesPerCall(),
                timing.lineCallsPerSecond(baud), baud);
    }
}
