package org.fwcts.harness.compare;

/** The verdict on one check. FAIL outranks UNKNOWN, which outranks PASS, when verdicts combine. */
public enum Verdict {
    PASS,
    UNKNOWN,
    FAIL;

    public Verdict and(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
