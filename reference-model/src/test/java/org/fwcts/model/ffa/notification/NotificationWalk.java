package org.fwcts.model.ffa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.fwcts.model.Registers;
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
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.Uuid;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.prediction.Prediction;

/**
 * Drives the SPMC model through notification calls, answering each as a conforming target would,
 * and lets a test signal notifications the way an SPMC does on its own.
 *
 * <p>The system: VMs 0 (the hypervisor), 1 and 2; partitions 0x8001 (notifications, v1.1, 4
 * vCPUs), 0x8002 (notifications, v1.2, 1 vCPU), 0x8003 (no notifications) and 0x8004 (a v1.0
 * partition with property bit 3 set).
 */
final class NotificationWalk {
    static final EndpointId VM0 = EndpointId.of(0);
    static final EndpointId VM1 = EndpointId.of(1);
    static final EndpointId VM2 = EndpointId.of(2);
    static final EndpointId SP1 = EndpointId.of(0x8001);
    static final EndpointId SP2 = EndpointId.of(0x8002);
    static final EndpointId SP3 = EndpointId.of(0x8003);
    static final EndpointId SP4 = EndpointId.of(0x8004);

    // Function IDs and status codes as DEN0077A tabulates them (ffa-abi.md §1, §2).
    static final long BITMAP_CREATE = FfaFunction.FFA_NOTIFICATION_BITMAP_CREATE.x0();
    static final long BITMAP_DESTROY = FfaFunction.FFA_NOTIFICATION_BITMAP_DESTROY.x0();
    static final long BIND = FfaFunction.FFA_NOTIFICATION_BIND.x0();
    static final long UNBIND = FfaFunction.FFA_NOTIFICATION_UNBIND.x0();
    static final long SET = FfaFunction.FFA_NOTIFICATION_SET.x0();
    static final long GET = FfaFunction.FFA_NOTIFICATION_GET.x0();
    static final long INFO_GET_32 = FfaFunction.FFA_NOTIFICATION_INFO_GET.x0();
    static final long INFO_GET_64 = FfaFunction.FFA_NOTIFICATION_INFO_GET.x0Smc64();
    static final long NO_DATA = 0xFFFF_FFF7L;

    private static final int DIRECT = Partition.RECEIVES_DIRECT_REQ | Partition.SENDS_DIRECT_REQ;
    static final Topology TOPOLOGY = new Topology(List.of(VM0, VM1, VM2), List.of(
            partition(SP1, 4, DIRECT | Partition.RECEIVES_NOTIFICATIONS, SpecVersion.of(1, 1)),
            partition(SP2, 1, DIRECT | Partition.RECEIVES_NOTIFICATIONS, SpecVersion.of(1, 2)),
            partition(SP3, 4, DIRECT, SpecVersion.of(1, 1)),
            partition(SP4, 1, DIRECT | Partition.RECEIVES_NOTIFICATIONS, SpecVersion.of(1, 0))), List.of());

    private final SpmcModel model;
    private FfaState state;

    NotificationWalk(SpmcProfile profile) {
        this(profile, TOPOLOGY);
    }

    NotificationWalk(SpmcProfile profile, Topology topology) {
        this.model = new SpmcModel(profile, topology);
        this.state = model.freshBoot();
    }

    static Partition partition(EndpointId id, int vcpus, int properties, SpecVersion version) {
        return new Partition(id, List.of(new Uuid(0x1234, id.value())), vcpus, properties, version);
    }

    /** Makes the call; it must have one predicted outcome, which the walk continues from. */
    Prediction call(EndpointId caller, long... registers) {
        FfaOutcome outcome = outcome(caller, registers);
        assertThat(outcome).isInstanceOf(FfaOutcome.Predicted.class);
        List<FfaPrediction> alternatives = ((FfaOutcome.Predicted) outcome).alternatives();
        assertThat(alternatives).as("outcomes of %s", outcome).hasSize(1);
        FfaPrediction only = alternatives.get(0);
        state = only.after().given(ConformingAnswer.registers(only.registers(), Registers.of(registers)));
        return only.registers();
    }

    /** The outcome of the call, without continuing from it. */
    FfaOutcome outcome(EndpointId caller, long... registers) {
        return model.step(state, FfaCall.of(caller, Registers.of(registers)));
    }

    /** Changes the notification state directly, as an SPMC signalling on its own would. */
    void update(UnaryOperator<NotificationState> change) {
        state = state.withNotifications(change.apply(state.notifications()));
    }

    NotificationState notifications() {
        return state.notifications();
    }

    ReceiverNotifications receiver(EndpointId id) {
        return state.notifications().receiver(id).orElseThrow();
    }
}
