package org.fwcts.reports.compare;

/** How a test's result differs between a baseline run A and a newer run B. */
public enum ChangeKind {
    /** Failed in B, and did not fail in A (or did not exist there). A regression. */
    NEW_FAILURE("New failures", true),
    /** Passed in A, broken (no verdict) in B. A regression. */
    PASS_TO_BROKEN("Passed before, broken now", true),
    /** Failed or broken in A, passed in B. */
    FIXED("Fixed", false),
    /** Reached different verdicts on re-runs within run B. */
    FLAKY("Flaky in B (different verdicts on re-run)", false),
    /** Any other difference: newly skipped, added, removed, failed to broken, and so on. */
    OTHER("Other changes", false);

    private final String title;
    private final boolean regression;

    ChangeKind(String title, boolean regression) {
        this.title = title;
        this.regression = regression;
    }

    public String title() {
        return title;
    }

    /** True for changes that make a nightly comparison fail. */
    public boolean isRegression() {
        return regression;
    }
}
