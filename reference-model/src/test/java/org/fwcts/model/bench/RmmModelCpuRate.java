package org.fwcts.model.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.fwcts.model.rmm.RmmOutcome;

/**
 * The commands of {@link RmmModelBenchmark}, each stepped in a loop timed by the thread's own CPU
 * time ({@link CpuRate}): calls per CPU-second of one core.
 *
 * <p>Arguments: calls per round (default 500000).
 */
public final class RmmModelCpuRate {
    private RmmModelCpuRate() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
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
            double perSecond = CpuRate.perCpuSecond(name, calls, () -> step.get() != null);
            line.append(String.format(Locale.ROOT, " %s=%.2f", name, perSecond / 1e6));
        });
        System.out.println(line.append(" (M calls per CPU-second)"));
    }
}
