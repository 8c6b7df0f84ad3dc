package org.fwcts.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.Registers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The delta-debugging shrinker")
class ShrinkerTests {

    private static Action action(int number) {
        return Action.of("test", "step", EndpointId.HYPERVISOR, "n", Integer.toString(number));
    }

    /** A stand-in target that diverges at the first "7" run after a "3", as a stateful bug does. */
    private static SequenceResult run(List<Action> actions) {
        List<StepOutcome> outcomes = new ArrayList<>();
        boolean armed = false;
        for (Action action : actions) {
            int n = Integer.parseInt(action.param("n"));
            boolean diverges = armed && n == 7;
            armed |= n == 3;
            outcomes.add(new StepOutcome(action, Step.Call.of(EndpointId.HYPERVISOR, Registers.zero()),
                    diverges ? Verdict.FAIL : Verdict.PASS, diverges ? "RULE.X" : "RULE.OK", Set.of(), Optional.empty(),
                    "", ModelState.freshBoot()));
            if (diverges) {
                break;
            }
        }
        return new SequenceResult(outcomes, Optional.empty());
    }

    @Test
    @DisplayName("keeps only the steps the divergence needs, in order, replaying each candidate")
    void shrinksToTheEnablingSteps() {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            actions.add(action(i % 10 == 7 && i < 20 ? 1 : i % 10));
        }
        SequenceResult found = run(actions);
        assertThat(found.divergence()).isPresent();
        int[] replays = {0};
        Shrinker.Shrunk shrunk = new Shrinker(candidate -> {
            replays[0]++;
            return run(candidate);
        }, 500).shrink(found);
        assertThat(shrunk.result().actions()).containsExactly(action(3), action(7));
        assertThat(shrunk.replays()).isEqualTo(replays[0]).isLessThan(100);
    }

    @Test
    @DisplayName("a candidate that diverges otherwise (another rule) is not taken")
    void keepsTheSignature() {
        List<Action> actions = List.of(action(3), action(5), action(7));
        Shrinker.Shrunk shrunk = new Shrinker(candidate -> {
            SequenceResult result = run(candidate);
            // Without step 5 the stand-in fails another rule: the shrink must keep 5.
            if (candidate.stream().noneMatch(a -> a.param("n").equals("5")) && result.divergence().isPresent()) {
                List<StepOutcome> changed = new ArrayList<>(result.outcomes());
                StepOutcome last = changed.remove(changed.size() - 1);
                changed.add(new StepOutcome(last.action(), last.step(), Verdict.FAIL, "RULE.OTHER", Set.of(),
                        Optional.empty(), "", last.before()));
                return new SequenceResult(changed, Optional.empty());
            }
            return result;
        }, 500).shrink(run(actions));
        assertThat(shrunk.result().actions()).containsExactly(action(3), action(5), action(7));
    }
}
