package org.fwcts.testcases.support;

import io.qameta.allure.Allure;
import org.assertj.core.api.AbstractAssert;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Rule;

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
        String explanation = actual.table() + actual.memoryDiffText();
        for (Rule rule : actual.prediction().rules()) {
            Allure.label("rule", rule.id());
        }
        Allure.label("spec", actual.prediction().rule().citation());
        Allure.addAttachment("registers: predicted vs observed", "text/plain", actual.table(), ".txt");
        if (!actual.memoryDiff().isEmpty()) {
            Allure.addAttachment("memory/descriptor diff", "text/plain", actual.memoryDiffText(), ".txt");
        }
        Verdict verdict = actual.verdict();
        if (verdict == Verdict.UNKNOWN) {
            TestVerdicts.raise(Verdict.UNKNOWN, "no verdict:\n" + explanation);
        }
        if (verdict == Verdict.FAIL) {
            failWithMessage("the target contradicts the model%n%s", explanation);
        }
        return this;
    }
}
