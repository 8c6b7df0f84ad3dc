package org.fwcts.model.bench;

import java.util.Locale;

/**
 * {@link ExploreStepBenchmark}'s step (generate, make concrete, predict, answer, check, follow)
 * timed by the thread's own CPU time ({@link CpuRate}): explore steps per CPU-second of one core.
 *
 * <p>Arguments: steps per round (default 100000).
 */
public final class ExploreStepCpuRate {
    private ExploreStepCpuRate() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        for (String profile : new String[] {"tfa-el3-spmc", "hafnium"}) {
            ExploreStepBenchmark bench = new ExploreStepBenchmark();
            bench.profile = profile;
            bench.setUp();
            double perSecond = CpuRate.perCpuSecond(profile, steps, () -> {
                bench.exploreStep();
                return true;
            });
            System.out.println(String.format(Locale.ROOT, "%s: %.0f explore steps per CPU-second", profile, perSecond));
        }
    }
}
