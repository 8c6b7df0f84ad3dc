package org.fwcts.model.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@link ExploreStepBenchmark}'s step (generate, make concrete, predict, answer, check, follow)
 * in a loop timed by the thread's own CPU time: explore steps per CPU-second of one core, a figure
 * that holds on a machine loaded by other work, where JMH's wall-clock throughput does not.
 *
 * <p>Arguments: steps per round (default 100000). Each profile runs three rounds; the last is
 * printed, the first two warm the compiler.
 */
public final class ExploreStepCpuRate {
    private static final int ROUNDS = 3;

    private ExploreStepCpuRate() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String profile : new String[] {"tfa-el3-spmc", "hafnium"}) {
            ExploreStepBenchmark bench = new ExploreStepBenchmark();
            bench.profile = profile;
            bench.setUp();
            double perSecond = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < steps; i++) {
                    bench.exploreStep();
                }
                perSecond = steps / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
            }
            System.out.println(String.format(Locale.ROOT, "%s: %.0f explore steps per CPU-second", profile, perSecond));
        }
    }
}
