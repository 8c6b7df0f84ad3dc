package org.fwcts.model.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the model's JMH benchmarks on one thread with JMH's allocation profiler and prints one
 * line per call kind and profile: millions of calls per second and bytes allocated per call.
 *
 * <p>Arguments are benchmark name patterns (regular expressions, as JMH takes them); none runs
 * every benchmark of this package.
 */
public final class ModelBenchmarks {
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private ModelBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(1).threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class);
        if (args.length == 0) {
            options.include(ModelBenchmarks.class.getPackageName() + "\\.");
        }
        for (String pattern : args) {
            options.include(pattern);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.print(table(results));
    }

    /** The figures, one row per benchmark and parameter set, in the order JMH ran them. */
    static String table(Collection<RunResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "profile", "M calls/s", "± (99.9 %)", "bytes/call"});
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark();
            Result<?> primary = run.getPrimaryResult();
            Map<String, Result> secondary = run.getSecondaryResults();
            Result<?> allocated = secondary.entrySet().stream().filter(e -> e.getKey().endsWith(ALLOCATION))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            String profile = run.getParams().getParamsKeys().contains("profile") ? run.getParams().getParam("profile") : "";
            rows.add(new String[] {
                name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                profile,
                String.format(Locale.ROOT, "%.3f", primary.getScore() / 1e6),
                String.format(Locale.ROOT, "%.3f", primary.getScoreError() / 1e6),
                allocated == null ? "-" : String.format(Locale.ROOT, "%.0f", allocated.getScore())});
        }
        return format(rows);
    }

    private static String format(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String cell = i < 2 ? String.format("%-" + widths[i] + "s", row[i]) : String.format("%" + widths[i] + "s", row[i]);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
