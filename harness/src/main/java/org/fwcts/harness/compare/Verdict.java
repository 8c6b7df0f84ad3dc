package org.fwcts.harness.compare;

/**
 * The verdict on one call, and the one vocabulary a test's status is derived from. When
 * verdicts combine the worst wins: FAIL over UNKNOWN over UNMODELLED over PASS.
 */
public enum Verdict {
    /** The target did what the model allows. */
    PASS,
    /** The model has no prediction under this profile; the call was not made. */
    UNMODELLED,
    /** The outcome is not known (no answer, a broken exchange): no verdict on the target. */
    UNKNOWN,
    /** The target contradicted the model. */
    FAIL;

    public Verdict and(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
