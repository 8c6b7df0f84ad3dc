package org.fwcts.reports;

import java.util.List;
import java.util.Optional;

/**
 * One rule in a summary: where it is specified, the tests that check it, and its verdict.
 *
 * @param id the rule ID from the tests' {@code rule:} tags
 * @param reference the rule's document and section, when the suite knows the rule
 * @param tests the tests tagged with the rule
 */
public record RuleVerdict(String id, Optional<RuleReference> reference, List<JudgedTest> tests) {
    /** A rule takes the first of these statuses that any of its tests has. */
    private static final List<TestStatus> RANK = List.of(TestStatus.FAILED, TestStatus.BROKEN, TestStatus.WAIVED,
            TestStatus.PASSED, TestStatus.SKIPPED);

    public RuleVerdict {
        tests = List.copyOf(tests);
    }

    /** FAILED when a test failed, else BROKEN, WAIVED, PASSED, or SKIPPED when none of its tests ran. */
    public TestStatus verdict() {
        return RANK.stream().filter(status -> tests.stream().anyMatch(t -> t.status() == status)).findFirst()
                .orElse(TestStatus.SKIPPED);
    }

    /** How many of the rule's tests ended with {@code status}. */
    public long count(TestStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }
}
