package org.fwcts.harness.explore;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.explore.Action;

/**
 * One sequence as it ran on one boot.
 *
 * @param outcomes every step made, in order; the last is the divergence when there is one
 * @param setupFailure why the sequence could not start (its set-up command did not pass), if it could not
 */
public record SequenceResult(List<StepOutcome> outcomes, Optional<SetupFailure> setupFailure) {

    public SequenceResult {
        outcomes = List.copyOf(outcomes);
    }

    public Optional<StepOutcome> divergence() {
        return outcomes.isEmpty() || !outcomes.get(outcomes.size() - 1).diverged() ? Optional.empty()
                : Optional.of(outcomes.get(outcomes.size() - 1));
    }

    /** The actions up to and including the divergence: what a shrink starts from and a scenario stores. */
    public List<Action> actions() {
        return outcomes.stream().map(StepOutcome::action).toList();
    }

    /** Steps the model had no prediction for (not issued), counted, never hidden. */
    public long unmodelled() {
        return outcomes.stream().filter(o -> o.verdict() == Verdict.UNMODELLED).count();
    }

    /** Steps actually issued and checked. */
    public long checked() {
        return outcomes.size() - unmodelled();
    }
}
