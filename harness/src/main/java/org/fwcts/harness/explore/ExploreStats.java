package org.fwcts.harness.explore;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Running counts of an explore run, for the live line and the summary. */
public final class ExploreStats {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final long started = System.nanoTime();
    /** CPU time of the exploring thread (and of its workers), which on the simulated target also runs the firmware. */
    private final long cpuStarted = threadCpu();
    private long shrinkCpuNanos;
    private long workerCpuNanos;
    private long cpuNanos = -1;
    /** When the run finished (System.nanoTime), or -1 while it runs. */
    private long ended = -1;
    private final Map<String, Long> rules = new TreeMap<>();
    private final Map<String, Long> divergences = new TreeMap<>();
    private long calls;
    private long unmodelled;
    private int sequences;
    private long shrinkNanos;
    private int replays;
    /**
     * (exploring time, calls) taken at most every {@link #CHECKPOINT_EVERY}: the rate of a part of the
     * run. The JIT compiles the hot paths during the first seconds, so the whole run's mean understates
     * the rate a long run settles at.
     */
    private final java.util.ArrayList<long[]> checkpoints = new java.util.ArrayList<>();
    private static final long CHECKPOINT_EVERY = 250_000_000L;
    /** The live line's rate is over this much of the latest exploring time. */
    private static final long RECENT = 5_000_000_000L;

    synchronized void add(SequenceResult result) {
        sequences++;
        for (StepOutcome outcome : result.outcomes()) {
            if (outcome.verdict() == org.fwcts.harness.compare.Verdict.UNMODELLED) {
                unmodelled++;
            } else {
                calls++;
                outcome.rules().forEach(rule -> rules.merge(rule, 1L, Long::sum));
            }
        }
        long exploring = exploringNanos();
        if (checkpoints.isEmpty() || exploring - checkpoints.get(checkpoints.size() - 1)[0] >= CHECKPOINT_EVERY) {
            checkpoints.add(new long[] {exploring, calls});
        }
    }

    /** Exploring time so far (shrinking excluded), or in all once the run has finished. */
    private long exploringNanos() {
        return (ended >= 0 ? ended : System.nanoTime()) - started - shrinkNanos;
    }

    /**
     * Checked calls per second from the first checkpoint at or after exploring time {@code from}
     * until now; 0 when that leaves under a second.
     */
    private double rateSince(long from) {
        long now = exploringNanos();
        for (long[] point : checkpoints) {
            if (point[0] >= from) {
                return now - point[0] < 1_000_000_000L ? 0 : (calls - point[1]) / ((now - point[0]) / 1e9);
            }
        }
        return 0;
    }

    /** Checked calls per second over the last five seconds of exploring; 0 early in a run. */
    public synchronized double recentCallsPerSecond() {
        return rateSince(exploringNanos() - RECENT);
    }

    /**
     * Checked calls per second over the second half of the exploring time, by which the JIT has
     * compiled the hot paths: the rate a longer run keeps up; 0 for a run under two seconds.
     */
    public synchronized double settledCallsPerSecond() {
        return rateSince(exploringNanos() / 2);
    }

    synchronized void divergence(String signature) {
        divergences.merge(signature, 1L, Long::sum);
    }

    synchronized void shrink(Shrinker.Shrunk shrunk, long cpuNanos) {
        shrinkNanos += shrunk.time().toNanos();
        shrinkCpuNanos += cpuNanos;
        replays += shrunk.replays();
    }

    /** Adds the CPU time parallel workers spent exploring. */
    synchronized void addWorkerCpu(long nanos) {
        workerCpuNanos += nanos;
    }

    /** The exploring thread's CPU time now; -1 where the JVM cannot tell. */
    static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Called by the exploring thread at the end: fixes the CPU time it spent exploring. */
    synchronized void finish() {
        ended = System.nanoTime();
        long now = threadCpu();
        cpuNanos = now < 0 || cpuStarted < 0 ? -1 : now - cpuStarted - shrinkCpuNanos + workerCpuNanos;
    }

    /**
     * Checked calls per CPU-second of the exploring threads (shrinking excluded), once the run has
     * finished; 0 where the JVM cannot tell. On a machine other work loads, this is the figure that
     * measures the harness rather than the load.
     */
    public synchronized double callsPerCpuSecond() {
        return cpuNanos <= 0 ? 0 : calls / (cpuNanos / 1e9);
    }

    /** Checked calls made by generated sequences (shrink replays are not counted). */
    public synchronized long calls() {
        return calls;
    }

    /** Steps the model had no prediction for, so they were not issued. */
    public synchronized long unmodelled() {
        return unmodelled;
    }

    public synchronized int sequences() {
        return sequences;
    }

    /** Every rule a checked call's prediction cited, with how many calls cited it. */
    public synchronized Map<String, Long> rules() {
        return new TreeMap<>(rules);
    }

    /** Divergences by signature, with how many sequences hit each. */
    public synchronized Map<String, Long> divergences() {
        return new TreeMap<>(divergences);
    }

    public synchronized long divergenceCount() {
        return divergences.values().stream().mapToLong(Long::longValue).sum();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Time spent shrinking, excluded from the call rate. */
    public synchronized Duration shrinking() {
        return Duration.ofNanos(shrinkNanos);
    }

    public synchronized int replays() {
        return replays;
    }

    /** Checked calls per second of exploring (shrinking excluded). */
    public synchronized double callsPerSecond() {
        double seconds = (elapsed().toNanos() - shrinkNanos) / 1e9;
        return seconds <= 0 ? 0 : calls / seconds;
    }

    /** The live line: calls, rate, rules, divergences. */
    public synchronized String line() {
        double recent = recentCallsPerSecond();
        return String.format("explore: %,d calls  %,.0f calls/s%s  %d sequences  %d rules exercised  %d divergence(s)"
                + "  %d unmodelled  %s", calls, callsPerSecond(),
                recent > 0 ? String.format(" (%,.0f in the last 5 s)", recent) : "", sequences, rules.size(),
                divergenceCount(), unmodelled, clock(elapsed()));
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
