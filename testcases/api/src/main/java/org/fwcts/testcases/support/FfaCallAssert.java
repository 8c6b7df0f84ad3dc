package org.fwcts.testcases.support;

import org.assertj.core.api.AbstractAssert;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Rule;
import org.fwcts.reports.allure.TestReport;

/** AssertJ assertions on an {@link FfaCheck}: registers, RX contents and constraints against the model. */
public final class FfaCallAssert extends AbstractAssert<FfaCallAssert, FfaCheck> {

    FfaCallAssert(FfaCheck actual) {
        super(actual, FfaCallAssert.class);
    }

    /**
     * Passes when the target's answer is one the model allows. A contradiction fails with the
     * register table and the RX differences; a call without an answer is a broken test.
     */
    public FfaCallAssert matchesModel() {
        isNotNull();
        for (Rule rule : actual.judgedAgainst().registers().rules()) {
            TestReport.label("rule", rule.id());
        }
        // The report is text for the report, built when the report is written (or the call fails).
        FfaCheck check = actual;
        TestReport.attach("FF-A call: predicted vs observed", ".txt", check::report);
        Verdict verdict = check.verdict();
        if (verdict == Verdict.UNKNOWN) {
            TestVerdicts.raise(Verdict.UNKNOWN, "no verdict:\n" + check.report());
        }
        if (verdict == Verdict.FAIL) {
            failWithMessage("the target contradicts the model%n%s", check.report());
        }
        return this;
    }
}
