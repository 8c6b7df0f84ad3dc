package org.fwcts.testcases.scenario;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.explore.Scenario;
import org.fwcts.harness.explore.SequenceResult;
import org.fwcts.harness.explore.SetupFailure;
import org.fwcts.testcases.support.TargetUnresponsiveException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@DisplayName("A replayed scenario's verdict")
class ScenarioVerdictTests {
    private static final Scenario SCENARIO = new Scenario("tfa-example", "explore seed 1", "FFA.RX_RELEASE", List.of());

    @Test
    @DisplayName("fails when the target answered the set-up call against the model, naming the set-up and its check")
    void setupContradicted() {
        SequenceResult result = new SequenceResult(List.of(), Optional.of(new SetupFailure(
                "the partition agent's INFO command: the SPMC's forwarding contradicts the model", Verdict.FAIL)));
        assertThatThrownBy(() -> ScenarioVerdict.raise(SCENARIO, result)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("scenario tfa-example (explore seed 1)")
                .hasMessageContaining("set-up before the first step: the partition agent's INFO command: the SPMC's"
                        + " forwarding contradicts the model");
    }

    @Test
    @DisplayName("is broken when the set-up call got no usable answer")
    void setupUnanswered() {
        SequenceResult result = new SequenceResult(List.of(), Optional.of(new SetupFailure(
                "the partition agent's INFO command: no reply within 10 s", Verdict.UNKNOWN)));
        assertThatThrownBy(() -> ScenarioVerdict.raise(SCENARIO, result))
                .isInstanceOf(TargetUnresponsiveException.class).hasMessageContaining("no reply within 10 s");
    }

    @Test
    @DisplayName("passes when nothing diverged")
    void nothingDiverged() {
        assertThatCode(() -> ScenarioVerdict.raise(SCENARIO, new SequenceResult(List.of(), Optional.empty())))
                .doesNotThrowAnyException();
    }
}
