package org.fwcts.reports;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A run's one-page summary: what was tested, with which images, and every non-passing test.
 *
 * @param runId the run's folder name under reports/
 * @param started when the run began
 * @param finished when it ended
 * @param target facts about the target (name, profile, image hashes, agent identification)
 * @param tests every test's record, in execution order
 * @param runError an error that stopped the run as a whole, or null
 */
public record RunSummary(String runId, Instant started, Instant finished, Map<String, String> target,
        List<TestRecord> tests, String runError) {

    public RunSummary {
        target = Map.copyOf(target);
        tests = List.copyOf(tests);
    }

    public Map<TestStatus, Integer> counts() {
        Map<TestStatus, Integer> counts = new EnumMap<>(TestStatus.class);
        for (TestStatus status : TestStatus.values()) {
            counts.put(status, 0);
        }
        tests.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        return counts;
    }

    /** PASS when nothing failed or broke, FAIL on conformance failures, ERROR when a verdict could not be reached. */
    public String verdict() {
        Map<TestStatus, Integer> counts = counts();
        if (runError != null || counts.get(TestStatus.BROKEN) > 0) {
            return "ERROR";
        }
        return counts.get(TestStatus.FAILED) > 0 ? "FAIL" : "PASS";
    }

    /** The CLI's exit code: 0 all passed, 1 conformance failures, 2 harness or target errors. */
    public int exitCode() {
        return switch (verdict()) {
            case "PASS" -> 0;
            case "FAIL" -> 1;
            default -> 2;
        };
    }
}
