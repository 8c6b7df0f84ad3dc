package org.fwcts.testcases.scenario;

import java.util.Optional;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.explore.DivergenceReport;
import org.fwcts.harness.explore.Scenario;
import org.fwcts.harness.explore.SequenceResult;
import org.fwcts.harness.explore.SetupFailure;
import org.fwcts.harness.explore.StepOutcome;
import org.fwcts.testcases.support.TargetUnresponsiveException;
import org.opentest4j.AssertionFailedError;

/**
 * What a replayed scenario's run means for its test: nothing when every step matched the model; a
 * failure when the target contradicted it, in a step or in the set-up call before the first (a
 * partition agent's INFO command forwarded against the model is a finding too); broken when the
 * target gave no usable answer.
 */
final class ScenarioVerdict {
    private ScenarioVerdict() {
    }

    static void raise(Scenario scenario, SequenceResult result) {
        String name = "scenario " + scenario.name() + " (" + scenario.origin() + ")\n";
        Optional<SetupFailure> setup = result.setupFailure();
        if (setup.isPresent()) {
            String report = name + "set-up before the first step: " + setup.get().reason();
            if (setup.get().contradicted()) {
                throw new AssertionFailedError(report);
            }
            throw new TargetUnresponsiveException(report);
        }
        Optional<StepOutcome> divergence = result.divergence();
        if (divergence.isEmpty()) {
            return;
        }
        String report = name + DivergenceReport.sequence(result);
        if (divergence.get().verdict() == Verdict.UNKNOWN) {
            throw new TargetUnresponsiveException(report);
        }
        throw new AssertionFailedError(report);
    }
}
