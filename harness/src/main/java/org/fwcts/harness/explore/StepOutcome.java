package org.fwcts.harness.explore;

import java.util.Optional;
import java.util.Set;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Step;
import org.fwcts.model.firmware.ModelState;

/**
 * One step of a sequence as it ran.
 *
 * @param action what the generator chose
 * @param step what was issued
 * @param verdict the step's verdict
 * @param rule the rule that decided it ("none" when the model predicted nothing)
 * @param rules every rule the prediction cites (what the step exercised)
 * @param judgement the pipeline's judgement of the call, for calls and partition commands
 * @param detail for a probe, what was granted and what happened; else the judgement's reason
 * @param before the model's state before the step
 */
public record StepOutcome(Action action, Step step, Verdict verdict, String rule, Set<String> rules,
        Optional<Judgement> judgement, String detail, ModelState before) {

    public StepOutcome {
        rules = Set.copyOf(rules);
    }

    /** The target contradicted the model, or gave no result: the sequence cannot go on. */
    public boolean diverged() {
        return verdict == Verdict.FAIL || verdict == Verdict.UNKNOWN;
    }

    /** What makes two divergences the same: the action's area and kind, and the rule. */
    public String signature() {
        return action.area() + "." + action.kind() + " [" + rule + "]";
    }
}
