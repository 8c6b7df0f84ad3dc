package org.fwcts.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console shows when a run ends, the things to look at first: every failed and broken
 * test with its reason and deciding rule (failures first), then the skipped tests counted by
 * reason. The summary files hold the details.
 */
public final class RunDigest {
    private RunDigest() {
    }

    /** The digest's lines; none when every test passed. */
    public static List<String> lines(RunSummary summary) {
        List<String> lines = new ArrayList<>();
        notPassed(lines, summary, TestStatus.FAILED, "Failed");
        notPassed(lines, summary, TestStatus.BROKEN, "Broken (no verdict)");
        Map<String, Integer> skips = new LinkedHashMap<>();
        summary.judged().stream().filter(t -> t.status() == TestStatus.SKIPPED)
                .forEach(t -> skips.merge(String.valueOf(t.record().message()).lines().findFirst().orElse(""), 1, Integer::sum));
        if (!skips.isEmpty()) {
            lines.add("Skipped, by reason:");
            skips.forEach((reason, count) -> lines.add(String.format("  %4d  %s", count,
                    org.fwcts.targets.text.UntrustedText.line(reason))));
        }
        return lines;
    }

    private static void notPassed(List<String> lines, RunSummary summary, TestStatus status, String title) {
        List<JudgedTest> tests = summary.judged().stream().filter(t -> t.status() == status).toList();
        if (tests.isEmpty()) {
            return;
        }
        lines.add(title + " (" + tests.size() + "):");
        for (JudgedTest test : tests) {
            lines.add("  " + org.fwcts.targets.text.UntrustedText.line(test.record().name()));
            lines.add("      " + FailureReason.of(test.record().message(), test.record().rules()).line());
        }
    }
}
