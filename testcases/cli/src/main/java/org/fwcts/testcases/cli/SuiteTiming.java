package org.fwcts.testcases.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.harness.agent.TargetWait;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Where a run's time goes, test by test: each test's share of the run (from the end of the test
 * before it, or the start of the first, to its own end, reporters included) split into waiting on
 * the target (agent round trips, boots) and the rest, the harness's own cost.
 */
final class SuiteTiming implements TestExecutionListener {
    /** One test's share of the run; {@code threadCpuNanos}: the CPU time of the thread that ran it and its reporters. */
    record Share(String test, long wallNanos, long waitedNanos, long bootedNanos, long threadCpuNanos) {
        long harnessNanos() {
            return wallNanos - waitedNanos;
        }
    }

    private final List<Share> shares = new ArrayList<>();
    private Instant firstTestAt;
    private long firstTestNanos;
    private long bootedBeforeFirstTest;
    private long markNanos;
    private long markWaited;
    private long markBooted;
    private long markCpu;
    private long firstRoundTrips;
    private long cpuAtFirstTest;
    private long cpuAtLastEnd;

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        if (test.isTest() && firstTestAt == null) {
            // Read before the test's clock starts.
            StartupPhases.mark("first test started");
            cpuAtFirstTest = CpuClock.processMillis();
            cpuAtLastEnd = cpuAtFirstTest;
            firstTestAt = Instant.now();
            firstTestNanos = System.nanoTime();
            bootedBeforeFirstTest = TargetWait.bootedNanos();
            firstRoundTrips = TargetWait.roundTrips();
            mark(firstTestNanos);
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest() || firstTestAt == null) {
            return;
        }
        long now = System.nanoTime();
        shares.add(new Share(test.getDisplayName(), now - markNanos, TargetWait.waitedNanos() - markWaited,
                TargetWait.bootedNanos() - markBooted, CpuClock.threadNanos() - markCpu));
        cpuAtLastEnd = CpuClock.processMillis();
        mark(System.nanoTime()); // the CPU read belongs to no test
    }

    private void mark(long nanos) {
        markNanos = nanos;
        markCpu = CpuClock.threadNanos();
        markWaited = TargetWait.waitedNanos();
        markBooted = TargetWait.bootedNanos();
    }

    synchronized List<Share> shares() {
        return List.copyOf(shares);
    }

    /** From {@code jvmStart} to the first test's start, when a test started. */
    synchronized Duration startToFirstTest(Instant jvmStart) {
        return firstTestAt == null ? Duration.ZERO : Duration.between(jvmStart, firstTestAt);
    }

    /** Booting done before the first test started (the first boot). */
    synchronized Duration bootBeforeFirstTest() {
        return Duration.ofNanos(bootedBeforeFirstTest);
    }

    /**
     * CPU milliseconds this process used from the first test's start to the last test's end (the
     * harness's, and an in-process simulated target's; a QEMU target runs in a process of its own).
     */
    synchronized long cpuMillisInTests() {
        return cpuAtLastEnd - cpuAtFirstTest;
    }

    /** Agent round trips from the first test's start on. */
    synchronized long roundTripsInTests() {
        return TargetWait.roundTrips() - firstRoundTrips;
    }

    /** The {@code fraction} percentile of the harness's cost per test, in nanoseconds (0 when no test ran). */
    synchronized long harnessPercentile(double fraction) {
        return percentile(Share::harnessNanos, fraction);
    }

    /** The {@code fraction} percentile of the CPU time of the tests' thread per test, in nanoseconds. */
    synchronized long threadCpuPercentile(double fraction) {
        return percentile(Share::threadCpuNanos, fraction);
    }

    private long percentile(java.util.function.ToLongFunction<Share> measure, double fraction) {
        long[] sorted = shares.stream().mapToLong(measure).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
    }
}
