package org.fwcts.model.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The memory calls of {@link MemoryCallsBenchmark} and the VM's calls of {@link MediatorCallsBenchmark},
 * each stepped in a loop timed by the thread's own CPU time ({@link CpuRate}): calls per CPU-second
 * of one core.
 *
 * <p>Arguments: calls per round (default 200000).
 */
public final class MemoryCallsCpuRate {
    private MemoryCallsCpuRate() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Map<String, Map<String, CpuRate.Step>> kinds = new LinkedHashMap<>();
        for (String profile : new String[] {"tfa-el3-spmc", "hafnium"}) {
            MemoryCallsBenchmark bench = new MemoryCallsBenchmark();
            bench.profile = profile;
            bench.setUp();
            Map<String, CpuRate.Step> steps = new LinkedHashMap<>();
            steps.put("share", () -> bench.predictAndMatch(bench.share) != null);
            steps.put("lend", () -> bench.predictAndMatch(bench.lend) != null);
            steps.put("donate", () -> bench.predictAndMatch(bench.donate) != null);
            steps.put("retrieve", () -> bench.predictAndMatch(bench.retrieve) != null);
            steps.put("relinquish", () -> bench.predictAndMatch(bench.relinquish) != null);
            steps.put("reclaim", () -> bench.predictAndMatch(bench.reclaim) != null);
            steps.put("fragTx", () -> bench.predictAndMatch(bench.fragTx) != null);
            steps.put("fragRx", () -> bench.predictAndMatch(bench.fragRx) != null);
            kinds.put(profile, steps);
        }
        MediatorCallsBenchmark mediator = new MediatorCallsBenchmark();
        mediator.setUp();
        Map<String, CpuRate.Step> vmCalls = new LinkedHashMap<>();
        vmCalls.put("share", () -> mediator.predictAndMatch(mediator.share) != null);
        vmCalls.put("reclaim", () -> mediator.predictAndMatch(mediator.reclaim) != null);
        vmCalls.put("idGet", () -> mediator.predictAndMatch(mediator.idGet) != null);
        kinds.put("xen-4.22-ffa (VM 2)", vmCalls);
        // Every kind runs once before any is timed: under load the optimising compiler lags, and the
        // first kind timed would otherwise pay for code the later ones share.
        kinds.values().forEach(steps -> steps.forEach((name, step) -> CpuRate.perCpuSecond(name, calls, step)));
        kinds.forEach((profile, steps) -> {
            StringBuilder line = new StringBuilder(profile).append(':');
            steps.forEach((name, step) -> line.append(String.format(Locale.ROOT, " %s=%.2f", name,
                    CpuRate.perCpuSecond(name, calls, step) / 1e6)));
            System.out.println(line.append(" (M calls per CPU-second)"));
        });
    }
}
