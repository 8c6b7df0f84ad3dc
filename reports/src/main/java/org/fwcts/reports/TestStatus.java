package org.fwcts.reports;

/** How one test ended. */
public enum TestStatus {
    /** The target behaved as the model predicted. */
    PASSED,
    /** The target contradicted the model: a conformance failure. */
    FAILED,
    /**
     * A failure that a waiver in force accepts. Only summaries show it: the results journal
     * keeps the failure as observed.
     */
    WAIVED,
    /** The test could not reach a verdict: a harness or target error. */
    BROKEN,
    /** The test did not run, for a recorded reason (e.g. FF-A absent). */
    SKIPPED
}
