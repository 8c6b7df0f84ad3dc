package org.fwcts.model.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Steps a benchmark's operation in a loop timed by the thread's own CPU time: operations per
 * CPU-second of one core, a figure that holds on a machine loaded by other work, where JMH's
 * wall-clock throughput does not. Three rounds run; the last is reported, the first two warm the
 * compiler.
 */
final class CpuRate {
    private static final int ROUNDS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One step of a benchmark; it returns false when the step produced no outcome. */
    @FunctionalInterface
    interface Step {
        boolean run();
    }

    private CpuRate() {
    }

    /** Operations per CPU-second of {@code step} over {@code count} steps a round. */
    static double perCpuSecond(String name, int count, Step step) {
        double perSecond = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                if (!step.run()) {
                    throw new AssertionError(name + ": no outcome");
                }
            }
            perSecond = count / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9);
        }
        return perSecond;
    }
}
