package org.fwcts.model.ffa.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.Uuid;
import org.fwcts.model.prediction.Prediction;

/**
 * Drives the SPMC model as the harness drives a target: calls from the normal world and from
 * partitions, following forwarded calls to the endpoint that runs next.
 */
final class MessagingWalk {
    static final EndpointId NWD = EndpointId.HYPERVISOR;
    /** Receives and sends both kinds of direct request and indirect messages; v1.2. */
    static final EndpointId SP1 = EndpointId.of(0x8001);
    /** Like SP1. */
    static final EndpointId SP2 = EndpointId.of(0x8002);
    /** Declares no messaging at all. */
    static final EndpointId SILENT = EndpointId.of(0x8003);
    /** Built for v1.1: receives both kinds of direct request, no indirect messages. */
    static final EndpointId OLD = EndpointId.of(0x8004);
    static final Uuid SP1_UUID = Uuid.parse("3f2f9d6a-8c41-4b7e-9a35-0d1c2b4e6f70");
    static final Uuid SP1_SECOND_UUID = Uuid.parse("b4b5671e-4a90-4fe1-b81f-fb13dae1dacb");
    static final Uuid SP2_UUID = Uuid.parse("7c0e1b2a-1111-4222-8333-944455556666");
    static final long FFA_VERSION = FfaFunction.FFA_VERSION.x0();
    static final long V1_0 = 0x1_0000L;
    static final long V1_1 = 0x1_0001L;
    static final long V1_2 = 0x1_0002L;

    private static final int ALL_MESSAGING = Partition.RECEIVES_DIRECT_REQ | Partition.SENDS_DIRECT_REQ
            | Partition.INDIRECT_MESSAGES | Partition.AARCH64 | Partition.RECEIVES_DIRECT_REQ2
            | Partition.SENDS_DIRECT_REQ2;

    private final SpmcModel model;
    private FfaState state;

    private MessagingWalk(SpmcProfile profile, SpecVersion partitionVersion) {
        model = new SpmcModel(profile, topology(partitionVersion));
        state = model.freshBoot();
    }

    /** The walk at {@code profile}, every endpoint having negotiated v1.2. */
    static MessagingWalk at(String profile) {
        return at(profile, V1_2, V1_2);
    }

    /** The walk at {@code profile}, the normal world at {@code normalWorldVersion}, partitions at v1.2. */
    static MessagingWalk at(String profile, long normalWorldVersion) {
        return at(profile, normalWorldVersion, V1_2);
    }

    static MessagingWalk at(String profile, long normalWorldVersion, long partitionVersion) {
        return with(SpmcProfiles.named(profile).orElseThrow(), normalWorldVersion, partitionVersion);
    }

    /**
     * The walk at {@code profile} once the normal world called FFA_VERSION with the version given;
     * partitions other than the old one have {@code partitionVersion} from their manifests.
     */
    static MessagingWalk with(SpmcProfile profile, long normalWorldVersion, long partitionVersion) {
        MessagingWalk walk = new MessagingWalk(profile, SpecVersion.decode((int) partitionVersion));
        walk.call(NWD, FFA_VERSION, normalWorldVersion);
        return walk;
    }

    static Topology topology() {
        return topology(SpecVersion.of(1, 2));
    }

    static Topology topology(SpecVersion version) {
        return new Topology(List.of(NWD), List.of(
                new Partition(SP1, List.of(SP1_UUID, SP1_SECOND_UUID), 8, ALL_MESSAGING, version),
                new Partition(SP2, List.of(SP2_UUID), 1, ALL_MESSAGING, version),
                new Partition(SILENT, List.of(Uuid.parse("00000000-0000-0000-0000-000000008003")), 1,
                        Partition.AARCH64, version),
                new Partition(OLD, List.of(Uuid.parse("00000000-0000-0000-0000-000000008004")), 1,
                        Partition.RECEIVES_DIRECT_REQ | Partition.RECEIVES_DIRECT_REQ2 | Partition.AARCH64,
                        SpecVersion.of(1, 1))),
                List.of());
    }

    /** The outcome of a call without TX contents; the walk moves on to the state it leads to. */
    FfaOutcome call(EndpointId caller, long... registers) {
        return call(new FfaCall(caller, Registers.of(registers), new byte[0]));
    }

    /** A call whose TX buffer holds {@code tx}. */
    FfaOutcome callWithTx(EndpointId caller, byte[] tx, long... registers) {
        return call(new FfaCall(caller, Registers.of(registers), tx));
    }

    /** The predicted registers of a call that must return to its caller. */
    Prediction returns(EndpointId caller, long... registers) {
        return predicted(call(caller, registers)).registers();
    }

    /** A call that must pass control on; what the next endpoint sees. */
    FfaOutcome.Forwarded forwards(EndpointId caller, long... registers) {
        FfaOutcome outcome = call(caller, registers);
        assertThat(outcome).as("outcome of a call from %s", caller).isInstanceOf(FfaOutcome.Forwarded.class);
        return (FfaOutcome.Forwarded) outcome;
    }

    static FfaPrediction predicted(FfaOutcome outcome) {
        assertThat(outcome).as("a prediction").isInstanceOf(FfaOutcome.Predicted.class);
        return ((FfaOutcome.Predicted) outcome).primary();
    }

    FfaState state() {
        return state;
    }

    private FfaOutcome call(FfaCall call) {
        FfaOutcome outcome = model.step(state, call);
        if (outcome instanceof FfaOutcome.Predicted predicted) {
            Registers answer = ConformingAnswer.registers(predicted.primary().registers(), call.registers());
            state = predicted.primary().after().given(answer);
        } else if (outcome instanceof FfaOutcome.Forwarded forwarded) {
            state = forwarded.next();
        } else {
            state = ((FfaOutcome.Unmodelled) outcome).state();
        }
        return outcome;
    }
}
