package org.fwcts.harness.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A call the firmware never returned from")
class CallNotReturnedJudgingTests {
    private static final Observation STUCK = new Observation.NotReturned(Duration.ofMillis(30_000));

    @TempDir
    Path temp;

    /** An agent whose every call is marked and never answered. */
    private static AgentChannel stuck() {
        return PipelineFixture.observing(call -> STUCK);
    }

    @Test
    @DisplayName("FAILS under SMCCC.CALL_RETURNS when the model predicts results, with the prediction in its table")
    void failsUnderTheRule() {
        Path file = temp.resolve("calls.jsonl");
        Judgement judgement;
        try (CallHistory history = CallHistory.appendingTo(file)) {
            CallPipeline pipeline = new CallPipeline(PipelineFixture.model(Map.of()), history);
            pipeline.newBoot("test");
            judgement = pipeline.call(stuck(), Conduit.SMC, Registers.of(PipelineFixture.PSCI_VERSION), new byte[0]);
        }
        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.rule()).isEqualTo("SMCCC.CALL_RETURNS");
        assertThat(judgement.reason()).contains("did not return within 30 s", "PSCI_VERSION returns");
        assertThat(judgement.lostTrack()).isPresent();
        String table = judgement.check().orElseThrow().table();
        assertThat(table).contains("deciding rule SMCCC.CALL_RETURNS", "(no return)", "0x00010001",
                "observed: the call did not return within 30 s");

        List<HistoryLine> lines = CallHistory.read(file);
        HistoryLine.Call call = (HistoryLine.Call) lines.get(1);
        assertThat(call.entry().observation()).isEqualTo(STUCK);
        assertThat(((HistoryLine.Judged) lines.get(2)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    @DisplayName("a partition's call whose carrying direct request never came back FAILS under FFA.MSG.DIRECT_REQ.COMPLETES")
    void carryingRequestNeverAnswered() {
        org.fwcts.model.firmware.FirmwareModel model = new org.fwcts.model.firmware.FirmwareModel(
                org.fwcts.model.profile.Profiles.named("tfa-el3-spmc").orElseThrow());
        // The partition's FFA_ID_GET, whose first direct request from the normal world never returned.
        CallEntry entry = new CallEntry(1, 1, Optional.empty(), EndpointId.of(0x8001), Conduit.DIRECT_REQUEST,
                Registers.of(0x8400_0069L), new byte[0], new Observed(STUCK, Optional.empty(), List.of(), 0));
        Judgement judgement = new CallChecker(model).judge(org.fwcts.model.firmware.ModelState.freshBoot(), entry);
        assertThat(judgement.verdict()).as(judgement.reason()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.rule()).as(judgement.reason()).isEqualTo("FFA.MSG.DIRECT_REQ.COMPLETES");
        assertThat(judgement.reason()).contains("direct request to 0x8001 did not return within 30 s");
    }

    @Test
    @DisplayName("is not judged at all when the model has no prediction (a call that may not return)")
    void unpredictedIsNotJudged() {
        try (CallHistory history = CallHistory.appendingTo(temp.resolve("off.jsonl"))) {
            CallPipeline pipeline = new CallPipeline(PipelineFixture.model(Map.of()), history);
            pipeline.newBoot("test");
            // CPU_ON (SMC64): implemented under the profile, its effects not modelled.
            Judgement judgement = pipeline.call(stuck(), Conduit.SMC, Registers.of(0xC400_0003L), new byte[0]);
            assertThat(judgement.verdict()).isEqualTo(Verdict.UNMODELLED);
        }
    }
}
