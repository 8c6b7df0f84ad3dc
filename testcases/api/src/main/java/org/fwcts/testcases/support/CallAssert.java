package org.fwcts.testcases.support;

import org.assertj.core.api.AbstractAssert;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Rule;
import org.fwcts.reports.allure.TestReport;

/** AssertJ assertions on a {@link CallCheck}: the target against the model, explained register by register. */
public final class CallAssert extends AbstractAssert<CallAssert, CallCheck> {

    private CallAssert(CallCheck actual) {
        super(actual, CallAssert.class);
    }

    public static CallAssert assertThatCall(CallCheck check) {
        return new CallAssert(check);
    }

    /** Checks an FF-A call: registers, RX contents and constraints, with one report. */
    public static FfaCallAssert assertThatCall(FfaCheck check) {
        return new FfaCallAssert(check);
    }

    /**
     * Passes when every register (and any memory the call moved) is as the model predicted. A
     * mismatch fails with the register table and the memory differences; a call without a
     * usable answer is a broken test, not a failure.
     */
    public CallAssert matchesModel() {
        isNotNull();
        for (Rule rule : actual.prediction().rules()) {
            TestReport.label("rule", rule.id());
        }
        TestReport.label("spec", actual.prediction().rule().citation());
        // The tables are text for the report, built when the report is written (or the call fails).
        CallCheck check = actual;
        TestReport.attach("registers: predicted vs observed", ".txt", check::table);
        if (!check.memoryDiff().isEmpty()) {
            TestReport.attach("memory/descriptor diff", ".txt", check::memoryDiffText);
        }
        Verdict verdict = check.verdict();
        if (verdict == Verdict.UNKNOWN) {
            TestVerdicts.raise(Verdict.UNKNOWN, "no verdict:\n" + check.table() + check.memoryDiffText());
        }
        if (verdict == Verdict.FAIL) {
            failWithMessage("the target contradicts the model%n%s", check.table() + check.memoryDiffText());
        }
        return this;
    }
}
