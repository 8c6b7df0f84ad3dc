package org.fwcts.model.ffa.handler.notification;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.notification.NotificationBitmaps;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.notification.NotificationRules;
import org.fwcts.model.ffa.notification.ReceiverNotifications;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.spmc.FfaState;

/**
 * FFA_NOTIFICATION_GET: w1 = vCPU ID[31:16] | receiver[15:0], w2 = the bitmaps wanted (bit 0
 * from partitions, bit 1 from VMs, bit 2 SPM framework, bit 3 hypervisor framework). Returns
 * w2/w3, w4/w5 and w6/w7 and clears what it returns (DEN0077A, "Notifications"). Checks run in
 * Hafnium's order (api_ffa_notification_get).
 */
final class GetHandler implements FfaHandler {
    private static final int FROM_SP = 1;
    private static final int FROM_VM = 1 << 1;
    private static final int FROM_SPM = 1 << 2;
    private static final int FROM_HYPERVISOR = 1 << 3;
    private static final int DEFINED_FLAGS = 0xF;

    @Override
    public FfaOutcome handle(FfaContext context) {
        NotificationChoices choices = context.profile().notifications();
        boolean spOnly = choices.getBitmaps() == NotificationChoices.GetBitmaps.SP_ONLY;
        int flags = context.call().w(2);
        EndpointId receiver = NotificationRegisters.receiver(context.call());
        if (!spOnly && (flags & ~DEFINED_FLAGS) != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.GET_FLAGS,
                    "reserved flags 0x" + Integer.toHexString(flags));
        }
        if (spOnly && (flags & FROM_SP) == 0) {
            // OP-TEE answers before it looks at the receiver: nothing asked, nothing returned.
            return success(context, NotificationBitmaps.NONE, "FFA_NOTIFICATION_GET asks for no bitmap it reads",
                    context.state());
        }
        if (!NotificationRegisters.actsFor(context.caller(), receiver)) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.GET_RECEIVER,
                    context.caller() + " may not get " + receiver + "'s notifications");
        }
        if (!receiver.isSecure() && !choices.keepsBitmapFor(receiver)) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.RECEIVER_UNKNOWN,
                    context.profile().name() + " keeps no bitmap for " + receiver);
        }
        if (!spOnly && !receiver.isSecure() && (flags & (FROM_VM | FROM_HYPERVISOR)) != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.GET_FLAGS,
                    "the SPMC holds no VM or hypervisor bitmap for " + receiver);
        }
        Optional<ReceiverNotifications> found = context.state().notifications().receiver(receiver);
        if (found.isEmpty()) {
            return choices.getForVmWithoutBitmap()
                    .map(error -> context.error(error, NotificationRules.RECEIVER_UNKNOWN, receiver + " has no bitmap"))
                    .orElseGet(() -> context.unmodelled(context.profile().name() + " gives no answer to"
                            + " FFA_NOTIFICATION_GET for " + receiver + ", which has no bitmap"));
        }
        ReceiverNotifications state = found.get();
        boolean frameworks = (flags & (FROM_SPM | FROM_HYPERVISOR)) != 0;
        NotificationBitmaps wanted = spOnly ? state.pending().select(true, false, false)
                : state.pending().select((flags & FROM_SP) != 0, (flags & FROM_VM) != 0, frameworks);
        NotificationBitmaps reportedLeft = state.reported().minus(spOnly ? state.reported().select(true, false, false)
                : state.reported().select((flags & FROM_SP) != 0, (flags & FROM_VM) != 0, frameworks));
        FfaState next = context.state().withNotifications(context.state().notifications().with(receiver,
                state.withPending(state.pending().minus(wanted)).withReported(reportedLeft)));
        String summary = "FFA_NOTIFICATION_GET for " + receiver + " returns " + wanted;
        int vcpu = NotificationRegisters.vcpu(context.call());
        if (!choices.checksGetVcpuId() || vcpu == 0 || (state.vcpuCount() != ReceiverNotifications.VCPU_COUNT_UNKNOWN
                && vcpu < state.vcpuCount())) {
            return success(context, wanted, summary, next);
        }
        FfaOutcome refused = context.error(FfaError.INVALID_PARAMETERS, NotificationRules.GET_VCPU,
                "vCPU " + vcpu + " of " + receiver + " is out of range");
        if (state.vcpuCount() != ReceiverNotifications.VCPU_COUNT_UNKNOWN) {
            return refused;
        }
        // VM 0 has one vCPU per PE, a number of the platform the model does not know.
        FfaOutcome.Predicted answered = (FfaOutcome.Predicted) success(context, wanted, summary, next);
        return new FfaOutcome.Predicted(List.of(answered.primary(), ((FfaOutcome.Predicted) refused).primary()));
    }

    private static FfaOutcome success(FfaContext context, NotificationBitmaps returned, String summary, FfaState next) {
        FfaResults results = context.results().success(NotificationRules.GET)
                .value32(2, returned.fromSp() & 0xFFFF_FFFFL, NotificationRules.GET)
                .value32(3, returned.fromSp() >>> 32, NotificationRules.GET)
                .value32(4, returned.fromVm() & 0xFFFF_FFFFL, NotificationRules.GET)
                .value32(5, returned.fromVm() >>> 32, NotificationRules.GET)
                .value32(6, returned.framework() & 0xFFFF_FFFFL, NotificationRules.GET)
                .value32(7, returned.framework() >>> 32, NotificationRules.GET);
        return context.outcome(results, summary, next);
    }
}
