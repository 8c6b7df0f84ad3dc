package org.fwcts.testcases.support;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.pipeline.Judgement;
import org.opentest4j.TestAbortedException;

/**
 * A test's status from the verdicts of its calls, the one place where a verdict becomes a JUnit
 * outcome: FAIL is a failure, UNKNOWN a broken test (no verdict on the target), UNMODELLED a skip
 * with the reason (the model has no prediction under this profile, so the call was not made and
 * the target cannot be at fault; the summary lists the reason with the skipped tests).
 */
final class TestVerdicts {

    private TestVerdicts() {
    }

    /** Returns {@code judgement} when it has a result a test can use; stops the test when the call was not made. */
    static Judgement usable(Judgement judgement) {
        if (judgement.verdict() == Verdict.UNMODELLED) {
            raise(judgement.verdict(), judgement.reason());
        }
        if (judgement.entry().observation() instanceof Observation.NotReturned) {
            // No results to test, and the target is gone until relaunched: the call's verdict is the test's.
            raise(judgement.verdict(), "rule " + judgement.rule() + ": " + judgement.reason()
                    + judgement.check().map(check -> "\n" + check.table()).orElse(""));
        }
        return judgement;
    }

    /** Ends the test with the status {@code verdict} stands for, explained by {@code message}. */
    static void raise(Verdict verdict, String message) {
        switch (verdict) {
            case FAIL -> throw new AssertionError(message);
            case UNKNOWN -> throw new TargetUnresponsiveException(message);
            case UNMODELLED -> throw new TestAbortedException(message);
            default -> {
            }
        }
    }

    /**
     * After a test that threw nothing: a call it made but did not assert still decides its status,
     * so a test cannot pass over a contradicted call.
     */
    static void settle(List<Judgement> calls) {
        Optional<Judgement> worst = Optional.empty();
        for (Judgement call : calls) {
            if (worst.isEmpty() || call.verdict().compareTo(worst.get().verdict()) > 0) {
                worst = Optional.of(call);
            }
        }
        worst.ifPresent(call -> raise(call.verdict(), "call #" + call.entry().sequence() + " was not checked by the test: "
                + call.verdict() + ": " + call.reason()));
    }
}
