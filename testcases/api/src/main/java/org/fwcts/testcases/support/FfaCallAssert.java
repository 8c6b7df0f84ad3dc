package org.fwcts.testcases.support;

import io.qameta.allure.Allure;
import org.assertj.core.api.AbstractAssert;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Rule;

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
        String report = actual.report();
        for (Rule rule : actual.judgedAgainst().registers().rules()) {
            Allure.label("rule", rule.id());
        }
        Allure.addAttachment("FF-A call: predicted vs observed", "text/plain", report, ".txt");
        Verdict verdict = actual.verdict();
        if (verdict == Verdict.UNKNOWN) {
            TestVerdicts.raise(Verdict.UNKNOWN, "no verdict:\n" + report);
        }
        if (verdict == Verdict.FAIL) {
            failWithMessage("the target contradicts the model%n%s", report);
        }
        return this;
    }
}
