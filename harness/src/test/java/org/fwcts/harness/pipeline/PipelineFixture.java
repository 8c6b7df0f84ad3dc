package org.fwcts.harness.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.profile.ProfileOverrides;
import org.fwcts.model.profile.Profiles;

/** A pipeline on QEMU's built-in PSCI profile whose agent answers from a function of the call, for unit tests. */
final class PipelineFixture {
    static final long PSCI_VERSION = 0x8400_0000L;
    static final long PSCI_FEATURES = 0x8400_000AL;

    private PipelineFixture() {
    }

    static FirmwareModel model(Map<String, String> overrides) {
        Profile base = Profiles.named("qemu-builtin-psci").orElseThrow();
        return new FirmwareModel(ProfileOverrides.apply(base, overrides));
    }

    /** An agent that answers every call with {@code answer}'s registers, as QEMU would be asked to. */
    static AgentChannel agent(UnaryOperator<Registers> answer) {
        return observing(call -> {
            Registers results = answer.apply(call);
            return results == null ? new Observation.Indeterminate("no reply within 5 s")
                    : new Observation.Completed(results);
        });
    }

    /** An agent of the normal world whose every call is observed as {@code observe} says. */
    static AgentChannel observing(java.util.function.Function<Registers, Observation> observe) {
        return new AgentChannel() {
            @Override
            public EndpointId endpoint() {
                return EndpointId.HYPERVISOR;
            }

            @Override
            public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength) {
                return Observed.direct(observe.apply(call), Optional.empty());
            }
        };
    }

    /** QEMU 7.2's answers: PSCI 1.1, every PSCI function present. */
    static Registers qemu(Registers call) {
        return call.x(0) == PSCI_VERSION ? Registers.of(0x1_0001L) : Registers.of(0);
    }

    /** Runs two boots of calls through a pipeline writing {@code file}: PSCI_VERSION and PSCI_FEATURES(PSCI_VERSION) each. */
    static void twoBoots(Path file, UnaryOperator<Registers> answer) {
        try (CallHistory history = CallHistory.appendingTo(file)) {
            CallPipeline pipeline = new CallPipeline(model(Map.of()), history);
            AgentChannel agent = agent(answer);
            for (int boot = 1; boot <= 2; boot++) {
                pipeline.newBoot("boot " + boot);
                pipeline.beginTest("test-" + boot);
                pipeline.call(agent, Conduit.SMC, Registers.of(PSCI_VERSION), new byte[0]);
                pipeline.call(agent, Conduit.SMC, Registers.of(PSCI_FEATURES, PSCI_VERSION), new byte[0]);
                pipeline.endTest();
            }
        }
    }
}
