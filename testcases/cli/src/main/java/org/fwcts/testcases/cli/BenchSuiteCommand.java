package org.fwcts.testcases.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fwcts.reports.ProgressPrinter;
import org.fwcts.reports.RunSummary;
import org.fwcts.reports.waiver.Waivers;
import org.fwcts.targets.ProjectLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fwcts bench-suite}: runs a selection of the catalogue as {@code fwcts run} does (into a
 * temporary folder) and prints where the time went: JVM start to the first test, and per
 * test the wall time minus the time spent waiting on the target, the harness's own cost.
 */
@Command(name = "bench-suite", mixinStandardHelpOptions = true,
        description = "Run a selection of tests as 'run' does (into a temporary folder) and print the harness's cost per"
                + " test: wall time minus the time spent waiting on the target (agent round trips and boots), and the"
                + " time from JVM start to the first test. Default: the FF-A version, negotiation, ID and RX/TX"
                + " tests on qemu-tfa.")
final class BenchSuiteCommand implements Callable<Integer> {
    /** FF-A version, negotiation, IDs and RX/TX buffers: the areas TF-A's own EL3 SPMC tests cover. */
    static final List<String> DEFAULT_TESTS = List.of("FfaVersionTests", "FfaVersionNegotiationTests", "FfaIdTests",
            "FfaRxTxTests");
    private static final double MS = 1e6;

    @Option(names = {"-t", "--target"}, defaultValue = "qemu-tfa", description = "Target. Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--tag", description = "Run tests matching this tag expression (repeatable) instead of the default selection.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--test", description = "Run tests whose class, method or name contains this text (repeatable)"
            + " instead of the default selection.")
    List<String> names = new ArrayList<>();

    @Option(names = "--each", description = "Also print each test's wall time, time waiting on the target and harness cost.")
    boolean each;

    @Override
    public Integer call() {
        StartupPhases.turnOn();
        StartupPhases.mark("command line parsed");
        // The process's start: the launcher script runs before the JVM in the same process.
        Instant processStart = StartupPhases.processStart();
        SuiteSelection selection = selection(tags, names);
        SuiteTiming timing = new SuiteTiming();
        SuiteRunner runner = new SuiteRunner(ProjectLayout.discover(), System.out, Clock.systemDefaultZone(),
                ProgressPrinter.Mode.PLAIN);
        runner.observeWith(timing);
        RunSummary summary;
        try (TemporaryFolder folder = new TemporaryFolder("fwcts-bench-suite")) {
            summary = runner.run(target, selection, folder.path().resolve("run"), Waivers.none());
        }
        Duration startToEnd = Duration.between(processStart, Instant.now());
        print(timing, summary, processStart, startToEnd);
        return 0;
    }

    /** The selection of {@code tags} and {@code names}: the default tests when both are empty. */
    static SuiteSelection selection(List<String> tags, List<String> names) {
        return new SuiteSelection(tags, tags.isEmpty() && names.isEmpty() ? DEFAULT_TESTS : names);
    }

    private void print(SuiteTiming timing, RunSummary summary, Instant processStart, Duration startToEnd) {
        List<SuiteTiming.Share> shares = timing.shares();
        System.out.println();
        if (each) {
            shares.forEach(share -> System.out.printf("%8.1f ms wall %8.1f ms target %7.1f ms harness   %s%n",
                    share.wallNanos() / MS, share.waitedNanos() / MS, share.harnessNanos() / MS, share.test()));
        }
        System.out.println("start-up, from the process's start (wall ms, process CPU ms):");
        StartupPhases.marks().forEach(mark -> System.out.printf("%8d ms %8s   %s%n", mark.wallMillis(),
                mark.cpuMillis() < 0 ? "" : mark.cpuMillis() + " ms", mark.name()));
        Duration toFirst = timing.startToFirstTest(processStart);
        Duration firstBoot = timing.bootBeforeFirstTest();
        System.out.printf("process start to first test: %.2f s, of which the first boot %.2f s: %.2f s without it"
                + "   (goal <= 0.5 s)%n", toFirst.toMillis() / 1e3, firstBoot.toMillis() / 1e3,
                toFirst.minus(firstBoot).toMillis() / 1e3);
        long wall = shares.stream().mapToLong(SuiteTiming.Share::wallNanos).sum();
        long waited = shares.stream().mapToLong(SuiteTiming.Share::waitedNanos).sum();
        long booted = shares.stream().mapToLong(SuiteTiming.Share::bootedNanos).sum();
        System.out.printf("tests: %d in %.2f s = waiting on the target %.2f s (boots %.2f s, %d agent round trips %.2f s)"
                        + " + harness %.2f s%n", shares.size(), wall / 1e9, waited / 1e9, booted / 1e9,
                timing.roundTripsInTests(), (waited - booted) / 1e9, (wall - waited) / 1e9);
        System.out.printf("harness per test (wall minus waiting on the target): median %.1f ms, p90 %.1f ms, max %.1f ms,"
                        + " mean %.1f ms   (goal <= 5 ms)%n", timing.harnessPercentile(0.5) / MS,
                timing.harnessPercentile(0.9) / MS, timing.harnessPercentile(1.0) / MS,
                shares.isEmpty() ? 0 : (wall - waited) / MS / shares.size());
        if (CpuClock.threadNanos() >= 0) {
            // Report files are made on a writer thread of their own: its CPU time is in the process's below.
            System.out.printf("CPU of the tests' thread per test: median %.1f ms, p90 %.1f ms%n",
                    timing.threadCpuPercentile(0.5) / MS, timing.threadCpuPercentile(0.9) / MS);
        }
        System.out.printf("harness process CPU per test: %.1f ms (%d ms over the tests; an in-process simulated target's"
                + " CPU included)%n", shares.isEmpty() ? 0 : timing.cpuMillisInTests() / (double) shares.size(),
                timing.cpuMillisInTests());
        System.out.printf("process start to the run's end (reports written): %.2f s; verdict %s%n",
                startToEnd.toMillis() / 1e3, summary.verdictLine());
        // The summary's finish time is taken after the last test, just before its files are written.
        System.out.printf("the run's end, from the last test to the reports written and the target shut down: %d ms%n",
                Duration.between(summary.finished(), processStart.plus(startToEnd)).toMillis());
    }
}
