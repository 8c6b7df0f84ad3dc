package org.fwcts.harness.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.firmware.Expected;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.profile.Profiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two calls released together on two vCPUs: TF-A's EL3 SPMC answers a second FFA_VERSION with
 * the agreed version only once another call closed negotiation, so the answers reveal the order.
 */
@DisplayName("Calls released together on two vCPUs")
class CallsTogetherTests {
    private static final Registers VERSION_1_2 = Registers.of(FfaFunction.FFA_VERSION.x0(), 0x1_0002L);
    private static final Registers FEATURES = Registers.of(FfaFunction.FFA_FEATURES.x0(), FfaFunction.FFA_VERSION.x0());

    @TempDir
    Path temp;
    private FirmwareModel model;
    private CallPipeline pipeline;
    private CallHistory history;

    @BeforeEach
    void negotiated() {
        model = new FirmwareModel(Profiles.named("tfa-el3-spmc").orElseThrow());
        history = CallHistory.appendingTo(temp.resolve("calls.jsonl"));
        pipeline = new CallPipeline(model, history);
        pipeline.newBoot("test");
        Registers first = Registers.of(FfaFunction.FFA_VERSION.x0(), 0x1_0001L);
        pipeline.call(PipelineFixture.agent(call -> answers(ModelState.freshBoot(), List.of(call)).get(0)),
                Conduit.SMC, first, new byte[0]);
    }

    @Test
    @DisplayName("accepts the answers of vCPU 1's call served first, and records that order")
    void secondServedFirst() {
        List<Registers> served = answers(pipeline.state(), List.of(FEATURES, VERSION_1_2));
        List<Judgement> judged = pipeline.callTogether(agent(served.get(1), served.get(0)), Conduit.SMC,
                VERSION_1_2, FEATURES);
        assertThat(judged).extracting(Judgement::verdict).containsExactly(Verdict.PASS, Verdict.PASS);
        assertThat(judged.get(0).entry().registers()).isEqualTo(VERSION_1_2);
        assertThat(judged.get(1).entry().sequence()).isLessThan(judged.get(0).entry().sequence());
        history.close();
        assertThat(Recheck.of(CallHistory.read(temp.resolve("calls.jsonl")), model).changes()).isEmpty();
    }

    @Test
    @DisplayName("accepts vCPU 0's call served first")
    void firstServedFirst() {
        List<Registers> served = answers(pipeline.state(), List.of(VERSION_1_2, FEATURES));
        List<Judgement> judged = pipeline.callTogether(agent(served.get(0), served.get(1)), Conduit.SMC,
                VERSION_1_2, FEATURES);
        assertThat(judged).extracting(Judgement::verdict).containsExactly(Verdict.PASS, Verdict.PASS);
        assertThat(judged.get(0).entry().sequence()).isLessThan(judged.get(1).entry().sequence());
    }

    @Test
    @DisplayName("fails answers that no order explains")
    void noOrder() {
        Registers wrong = Registers.of(0x8400_0060L, 0, -2);
        List<Judgement> judged = pipeline.callTogether(agent(wrong, wrong), Conduit.SMC, VERSION_1_2, FEATURES);
        assertThat(judged).extracting(Judgement::verdict).contains(Verdict.FAIL);
    }

    @Test
    @DisplayName("records and judges a call made on a chosen vCPU, which the agent is told")
    void onChosenVcpu() {
        Registers answer = answers(pipeline.state(), List.of(FEATURES)).get(0);
        List<Integer> vcpus = new ArrayList<>();
        ConcurrentAgentChannel agent = new ConcurrentAgentChannel() {
            @Override
            public EndpointId endpoint() {
                return EndpointId.HYPERVISOR;
            }

            @Override
            public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength) {
                throw new UnsupportedOperationException("only calls on a chosen vCPU");
            }

            @Override
            public List<Observed> invokeTogether(Conduit conduit, Registers first, Registers second) {
                throw new UnsupportedOperationException("only calls on a chosen vCPU");
            }

            @Override
            public Observed invokeOnVcpu(int vcpu, Conduit conduit, Registers call, CallMemory memory) {
                vcpus.add(vcpu);
                return Observed.direct(new Observation.Completed(answer), Optional.empty());
            }
        };
        Judgement judged = pipeline.callOnVcpu(agent, 1, Conduit.SMC, FEATURES, CallMemory.NONE);
        assertThat(vcpus).containsExactly(1);
        assertThat(judged.verdict()).isEqualTo(Verdict.PASS);
        assertThat(judged.entry().registers()).isEqualTo(FEATURES);
        Registers wrong = Registers.of(0x8400_0060L, 0, -2);
        assertThat(pipeline.callOnVcpu(agent(wrong, wrong), 1, Conduit.SMC, FEATURES, CallMemory.NONE)
                .verdict()).isNotEqualTo(Verdict.PASS);
    }

    /** What a conforming target answers to {@code calls} served one after another from {@code state}. */
    private List<Registers> answers(ModelState state, List<Registers> calls) {
        List<Registers> answers = new ArrayList<>();
        for (Registers call : calls) {
            Outcome.Predicted predicted = (Outcome.Predicted) model.predict(state, FfaCall.of(EndpointId.HYPERVISOR, call));
            Expected primary = predicted.primary();
            Registers answer = ConformingAnswer.registers(primary.registers(), call);
            answers.add(answer);
            state = primary.next(answer);
        }
        return answers;
    }

    private static ConcurrentAgentChannel agent(Registers onVcpu0, Registers onVcpu1) {
        return new ConcurrentAgentChannel() {
            @Override
            public EndpointId endpoint() {
                return EndpointId.HYPERVISOR;
            }

            @Override
            public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength) {
                throw new UnsupportedOperationException("only calls released together");
            }

            @Override
            public List<Observed> invokeTogether(Conduit conduit, Registers first, Registers second) {
                return List.of(Observed.direct(new Observation.Completed(onVcpu0), Optional.empty()),
                        Observed.direct(new Observation.Completed(onVcpu1), Optional.empty()));
            }
        };
    }
}
