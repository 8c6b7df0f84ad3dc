package org.fwcts.model.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The memory calls of {@link MemoryCallsBenchmark}, each stepped in a loop and timed by the
 * thread's own CPU time instead of the wall clock: calls per CPU-second of one core, a figure that
 * holds on a machine loaded by other work, where JMH's wall-clock throughput does not.
 *
 * <p>Arguments: calls per round (default 200000). Each kind runs three rounds; the last is
 * printed, the first two warm the compiler.
 */
public final class MemoryCallsCpuRate {
    private static final int ROUNDS = 3;

    private MemoryCallsCpuRate() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String profile : new String[] {"tfa-el3-spmc", "hafnium"}) {
            MemoryCallsBenchmark bench = new MemoryCallsBenchmark();
            bench.profile = profile;
            bench.setUp();
            Map<String, MemoryCallsBenchmark.Step> steps = new LinkedHashMap<>();
            steps.put("share", bench.share);
            steps.put("lend", bench.lend);
            steps.put("donate", bench.donate);
            steps.put("retrieve", bench.retrieve);
            steps.put("relinquish", bench.relinquish);
            steps.put("reclaim", bench.reclaim);
            steps.put("fragTx", bench.fragTx);
            steps.put("fragRx", bench.fragRx);
            StringBuilder line = new StringBuilder(profile).append(':');
            steps.forEach((name, step) -> {
                double perSecond = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < calls; i++) {
                        if (bench.predictAndMatch(step) == null) {
                            throw new AssertionError(name + ": no outcome");
                        }
                    }
                    perSecond = calls / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
                }
                line.append(String.format(Locale.ROOT, " %s=%.2f", name, perSecond / 1e6));
            });
            System.out.println(line.append(" (M calls per CPU-second)"));
        }
    }
}
