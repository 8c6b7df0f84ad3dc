package org.fwcts.reports;

import java.util.List;
import java.util.Optional;

/**
 * One rule in a summary: where it is specified, the tests that check it, and its verdict. A test
 * that failed on another rule's check stopped before it could check this one: for this rule it
 * counts as {@link TestStatus#BROKEN} (no verdict), not as a failure of the rule.
 *
 * @param id the rule ID from the tests' {@code rule:} tags, or the rule that decided a failure
 * @param reference the rule's document and section, when the suite knows the rule
 * @param tests the tests tagged with the rule, and those whose failure it decided
 */
public record RuleVerdict(String id, Optional<RuleReference> reference, List<JudgedTest> tests) {
    /** A rule takes the first of these statuses that any of its tests has. */
    private static final List<TestStatus> RANK = List.of(TestStatus.FAILED, TestStatus.BROKEN, TestStatus.WAIVED,
            TestStatus.PASSED, TestStatus.SKIPPED);

    public RuleVerdict {
        tests = List.copyOf(tests);
    }

    /** FAILED when a test failed on it, else BROKEN, WAIVED, PASSED, or SKIPPED when none of its tests ran. */
    public TestStatus verdict() {
        return RANK.stream().filter(status -> tests.stream().anyMatch(t -> statusOf(t) == status)).findFirst()
                .orElse(TestStatus.SKIPPED);
    }

    /** How many of the rule's tests ended with {@code status} as far as this rule goes. */
    public long count(TestStatus status) {
        return tests.stream().filter(t -> statusOf(t) == status).count();
    }

    /** How many of the rule's tests stopped at a failure another rule decided. */
    public long stoppedElsewhere() {
        return tests.stream().filter(this::failedElsewhere).count();
    }

    /** {@code test}'s status for this rule. */
    public TestStatus statusOf(JudgedTest test) {
        return failedElsewhere(test) ? TestStatus.BROKEN : test.status();
    }

    private boolean failedElsewhere(JudgedTest test) {
        return test.decidingRule().filter(rule -> !rule.equals(id)).isPresent();
    }
}
