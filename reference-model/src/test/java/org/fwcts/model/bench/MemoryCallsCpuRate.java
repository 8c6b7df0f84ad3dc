package org.fwcts.model.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The memory calls of {@link MemoryCallsBenchmark}, each stepped in a loop timed by the thread's
 * own CPU time ({@link CpuRate}): calls per CPU-second of one core.
 *
 * <p>Arguments: calls per round (default 200000).
 */
public final class MemoryCallsCpuRate {
    private MemoryCallsCpuRate() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
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
                double perSecond = CpuRate.perCpuSecond(name, calls, () -> bench.predictAndMatch(step) != null);
                line.append(String.format(Locale.ROOT, " %s=%.2f", name, perSecond / 1e6));
            });
            System.out.println(line.append(" (M calls per CPU-second)"));
        }
    }
}
