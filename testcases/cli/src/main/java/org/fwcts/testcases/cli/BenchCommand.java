package org.fwcts.testcases.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fwcts.harness.agent.RoundTripBenchmark;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.model.Registers;
import org.fwcts.model.psci.PsciFunction;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.fwcts.targets.descriptor.TargetDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fwcts bench}: agent call round trip against a bare echo over the same console. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Boot a target and time agent SMC round trips against same-size echo round trips.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = {"-t", "--target"}, defaultValue = "qemu-virt", description = "Target. Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = {"-n", "--calls"}, defaultValue = "2000", description = "Measured calls of each kind. Default: ${DEFAULT-VALUE}.")
    int calls;

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = ProjectLayout.discover();
        TargetDescriptor descriptor = new TargetCatalog(layout.targetsDir()).find(target);
        Path work = Files.createTempDirectory("fwcts-bench");
        Registers call = Registers.of(PsciFunction.PSCI_VERSION.smc32().register());
        try (Transcript transcript = Transcript.inMemory();
                TargetSession session = TargetSession.boot(descriptor, Launchers.forTarget(descriptor, layout), work, transcript)) {
            RoundTripBenchmark bench = new RoundTripBenchmark(session.agent());
            int warmup = Math.max(50, calls / 10);
            RoundTripBenchmark.Timing echo = bench.echo(call, warmup, calls);
            RoundTripBenchmark.Timing smc = bench.smc(call, warmup, calls);
            System.out.printf("target %s, console %s, %d calls each after %d warm-up calls%n", descriptor.name(),
                    descriptor.agentConsole().kind(), calls, warmup);
            print(echo);
            print(smc);
            System.out.printf("ratio smc/echo (median): %.2f   (goal <= 1.3)%n", smc.medianMicros() / echo.medianMicros());
        }
        return 0;
    }

    private static void print(RoundTripBenchmark.Timing timing) {
        System.out.printf("%-5s median %8.1f us  p90 %8.1f us  %8.0f calls/s  %3d bytes/call  %5.1f calls/s at 115200 baud%n",
                timing.what(), timing.medianMicros(), timing.percentileMicros(0.9), timing.callsPerSecond(),
                timing.bytesPerCall(), timing.callsPerSecondAt115200());
    }
}
