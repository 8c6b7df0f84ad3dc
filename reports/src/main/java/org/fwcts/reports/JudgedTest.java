package org.fwcts.reports;

import java.util.Optional;
import org.fwcts.reports.waiver.Waiver;

/**
 * One test as the summary reports it: its record, and the waiver that accepts its failure or
 * the one that would have, had it not expired.
 *
 * @param record the test's result as recorded during the run
 * @param waiver the waiver in force that accepts the failure
 * @param expiredWaiver a waiver naming the failure that had expired by the run's day
 */
public record JudgedTest(TestRecord record, Optional<Waiver> waiver, Optional<Waiver> expiredWaiver) {

    /** The recorded status, or {@link TestStatus#WAIVED} for an accepted failure. */
    public TestStatus status() {
        return waiver.isPresent() ? TestStatus.WAIVED : record.status();
    }

    /** For a failure (waived or not), the rule that decided it, when its message names one. */
    public Optional<String> decidingRule() {
        TestStatus status = status();
        return status == TestStatus.FAILED || status == TestStatus.WAIVED ? FailureReason.decidingRule(record.message())
                : Optional.empty();
    }
}
