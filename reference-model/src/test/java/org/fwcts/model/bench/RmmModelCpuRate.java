package org.fwcts.model.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.fwcts.model.rmm.RmmOutcome;

/**
 * The commands of {@link RmmModelBenchmark}, each stepped in a loop and timed by the thread's own
 * CPU time instead of the wall clock: calls per CPU-second of one core, a figure that holds on a
 * machine loaded by other work, where JMH's wall-clock throughput does not.
 *
 * <p>Arguments: calls per round (default 500000). Each command runs three rounds; the last is
 * printed, the first two warm the compiler.
 */
public final class RmmModelCpuRate {
    private static final int ROUNDS = 3;

    private RmmModelCpuRate() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        RmmModelBenchmark bench = new RmmModelBenchmark();
        bench.setUp();
        Map<String, Supplier<RmmOutcome>> steps = new LinkedHashMap<>();
        steps.put("granuleDelegate", bench::granuleDelegate);
        steps.put("granuleUndelegate", bench::granuleUndelegate);
        steps.put("rttCreate", bench::rttCreate);
        steps.put("rttDestroy", bench::rttDestroy);
        steps.put("rttReadEntry", bench::rttReadEntry);
        StringBuilder line = new StringBuilder("tfa-rmm-v0.8:");
        steps.forEach((name, step) -> {
            double perSecond = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    if (step.get() == null) {
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
