package org.fwcts.reports.compare;

import java.util.List;
import org.fwcts.reports.TestStatus;

/**
 * One test whose result differs between two runs.
 *
 * @param kind how it differs
 * @param id the test's JUnit unique ID, the key runs are matched on
 * @param name the test's readable name (from the newer run when it has the test)
 * @param before its statuses in run A, one per execution; empty when A did not have it
 * @param after its statuses in run B, one per execution; empty when B did not have it
 * @param message B's failure message or skip reason for the last execution, or null
 */
public record TestChange(ChangeKind kind, String id, String name, List<TestStatus> before, List<TestStatus> after,
        String message) {

    public TestChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** {@code PASSED -> FAILED}, {@code (absent) -> PASSED}, or for a flaky test B's sequence. */
    public String transition() {
        if (kind == ChangeKind.FLAKY) {
            return "B ran it " + after.size() + " times: " + join(after);
        }
        return join(before) + " -> " + join(after);
    }

    private static String join(List<TestStatus> statuses) {
        if (statuses.isEmpty()) {
            return "(absent)";
        }
        return String.join(", ", statuses.stream().map(Enum::name).toList());
    }
}
