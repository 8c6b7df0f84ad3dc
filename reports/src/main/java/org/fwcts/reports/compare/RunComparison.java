package org.fwcts.reports.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.TestRecord;
import org.fwcts.reports.TestStatus;

/**
 * The differences between a baseline run A and a newer run B, test by test: what a farm owner
 * reads first in the morning.
 *
 * <p>Tests are matched by JUnit unique ID. A test B ran more than once with different verdicts
 * is flaky and listed only as such; otherwise each run's last verdict for the test counts.
 *
 * @param a the baseline run
 * @param b the newer run
 * @param changes every test whose result differs, grouped by kind in {@link ChangeKind} order
 */
public record RunComparison(StoredRun a, StoredRun b, List<TestChange> changes) {

    public RunComparison {
        changes = List.copyOf(changes);
    }

    public static RunComparison of(StoredRun a, StoredRun b) {
        Map<String, List<TestRecord>> before = byTest(a);
        Map<String, List<TestRecord>> after = byTest(b);
        Set<String> ids = new LinkedHashSet<>(after.keySet());
        ids.addAll(before.keySet());
        List<TestChange> changes = new ArrayList<>();
        for (String id : ids) {
            List<TestRecord> was = before.getOrDefault(id, List.of());
            List<TestRecord> now = after.getOrDefault(id, List.of());
            ChangeKind kind = classify(statuses(was), statuses(now));
            if (kind != null) {
                TestRecord latest = now.isEmpty() ? was.get(was.size() - 1) : now.get(now.size() - 1);
                changes.add(new TestChange(kind, id, latest.name(), statuses(was), statuses(now),
                        now.isEmpty() ? null : latest.message()));
            }
        }
        changes.sort(Comparator.comparing(TestChange::kind));
        return new RunComparison(a, b, changes);
    }

    /** The change from A's statuses to B's, or null when the test's result is the same. */
    static ChangeKind classify(List<TestStatus> was, List<TestStatus> now) {
        if (new LinkedHashSet<>(now).size() > 1) {
            return ChangeKind.FLAKY;
        }
        TestStatus before = was.isEmpty() ? null : was.get(was.size() - 1);
        TestStatus after = now.isEmpty() ? null : now.get(now.size() - 1);
        if (before == after) {
            return null;
        }
        if (after == TestStatus.FAILED) {
            return ChangeKind.NEW_FAILURE;
        }
        if (after == TestStatus.PASSED && (before == TestStatus.FAILED || before == TestStatus.BROKEN)) {
            return ChangeKind.FIXED;
        }
        if (before == TestStatus.PASSED && after == TestStatus.BROKEN) {
            return ChangeKind.PASS_TO_BROKEN;
        }
        return ChangeKind.OTHER;
    }

    public List<TestChange> changes(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    public long regressionCount() {
        return changes.stream().filter(c -> c.kind().isRegression()).count();
    }

    /** 0 without regressions, 1 with new failures or tests that went from pass to broken. */
    public int exitCode() {
        return regressionCount() == 0 ? 0 : 1;
    }

    /** The comparison as plain text, section by section. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("A: ").append(a.runId()).append(" (").append(distinct(a)).append(" tests)  ").append(a.dir()).append('\n');
        text.append("B: ").append(b.runId()).append(" (").append(distinct(b)).append(" tests)  ").append(b.dir()).append('\n');
        for (ChangeKind kind : ChangeKind.values()) {
            List<TestChange> ofKind = changes(kind);
            text.append('\n').append(kind.title()).append(" (").append(ofKind.size()).append(")").append(ofKind.isEmpty() ? "" : ":")
                    .append('\n');
            for (TestChange change : ofKind) {
                text.append("  ").append(change.name()).append("   [").append(change.transition()).append("]\n");
                if (kind.isRegression() && change.message() != null) {
                    change.message().strip().lines().limit(2).forEach(line -> text.append("      ").append(line).append('\n'));
                }
            }
        }
        text.append('\n').append(regressionCount() == 0 ? "No regressions." : regressionCount() + " regression(s).").append('\n');
        return text.toString();
    }

    private static long distinct(StoredRun run) {
        return run.records().stream().map(TestRecord::id).distinct().count();
    }

    private static Map<String, List<TestRecord>> byTest(StoredRun run) {
        Map<String, List<TestRecord>> byTest = new LinkedHashMap<>();
        run.records().forEach(r -> byTest.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        return byTest;
    }

    private static List<TestStatus> statuses(List<TestRecord> records) {
        return records.stream().map(TestRecord::status).toList();
    }
}
