package org.fwcts.reports.waiver;

import java.time.LocalDate;
import java.util.Objects;
import org.fwcts.reports.TestRecord;

/**
 * An accepted deviation: failures of one rule, or of one test, that do not fail the run until
 * the waiver expires.
 *
 * @param scope whether {@code subject} names a rule or a test
 * @param subject the rule ID (e.g. {@code SMCCC.FID_W0}), or the test's full name or unique ID
 * @param justification why the deviation is accepted, as the certification record shows it
 * @param expires the last day the waiver applies
 */
public record Waiver(Scope scope, String subject, String justification, LocalDate expires) {

    /** What a waiver names. */
    public enum Scope {
        /** Every test tagged with the rule. */
        RULE,
        /** One test, by its full name as the summary shows it or by its JUnit unique ID. */
        TEST;

        /** The waiver file's field for this scope. */
        public String field() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Waiver {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(expires, "expires");
    }

    /** True when this waiver names {@code test}, whether or not it is still in force. */
    public boolean covers(TestRecord test) {
        return scope == Scope.RULE ? test.rules().contains(subject)
                : test.name().equals(subject) || test.id().equals(subject);
    }

    /** True on every day up to and including {@link #expires}. */
    public boolean inForceOn(LocalDate day) {
        return !day.isAfter(expires);
    }

    /** How a report names the waiver, e.g. {@code rule SMCCC.FID_W0 (until 2027-06-30)}. */
    public String describe() {
        return scope.field() + " " + subject + " (until " + expires + ")";
    }
}
