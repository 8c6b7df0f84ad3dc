package org.fwcts.model.ffa.handler.notification;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.notification.NotificationBitmaps;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.notification.NotificationRules;
import org.fwcts.model.ffa.notification.NotificationState;
import org.fwcts.model.ffa.notification.ReceiverNotifications;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.Partition;

/**
 * FFA_NOTIFICATION_BIND and FFA_NOTIFICATION_UNBIND: w1 = sender[31:16] | receiver[15:0],
 * w2 = flags (BIND; UNBIND's is reserved), w3/w4 = notification IDs (DEN0077A, "Notifications").
 *
 * <p>Checks run in Hafnium's order (api_ffa_notification_update_bindings), which OP-TEE's
 * agrees with wherever a single parameter is wrong.
 */
final class BindingHandler implements FfaHandler {
    private final boolean bind;

    BindingHandler(boolean bind) {
        this.bind = bind;
    }

    @Override
    public FfaOutcome handle(FfaContext context) {
        NotificationChoices choices = context.profile().notifications();
        boolean perSender = choices.bindings() == NotificationChoices.Bindings.PER_SENDER;
        EndpointId sender = NotificationRegisters.sender(context.call());
        EndpointId receiver = NotificationRegisters.receiver(context.call());
        long ids = NotificationRegisters.ids(context.call());
        if (bind && context.call().w(2) != 0) {
            return context.error(choices.bindFlagsError(), NotificationRules.BIND_FLAGS,
                    "per-vCPU or reserved flags 0x" + Integer.toHexString(context.call().w(2)));
        }
        if (!NotificationRegisters.actsFor(context.caller(), receiver)
                || (perSender && !senderAllowed(context.caller(), sender, receiver))) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.ENDPOINTS,
                    context.caller() + " may not bind " + sender + " to " + receiver);
        }
        if (ids == 0 && choices.rejectsEmptyBitmap()) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.EMPTY_BITMAP,
                    "no notification ID named");
        }
        Optional<ReceiverNotifications> found = context.state().notifications().receiver(receiver);
        if ((!receiver.isSecure() && !choices.keepsBitmapFor(receiver)) || found.isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.RECEIVER_UNKNOWN,
                    receiver + " has no notification bitmap");
        }
        ReceiverNotifications state = found.get();
        Optional<FfaOutcome> disabled = refuseDisabled(context, receiver, state);
        if (disabled.isPresent()) {
            return disabled.get();
        }
        if (bind && perSender && sender.isSecure() && context.topology().partition(sender).isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.SENDER_UNKNOWN,
                    "no partition " + sender);
        }
        boolean vmSender = !sender.isSecure();
        if (bind && (ids & (perSender ? state.boundInWorld(vmSender) : state.boundToAny())) != 0) {
            return context.error(FfaError.DENIED, NotificationRules.BIND_TAKEN,
                    NotificationRegisters.hex(ids) + " overlaps IDs already bound");
        }
        if (!bind && perSender && (state.boundTo(sender) & ids) != ids) {
            return context.error(FfaError.DENIED, NotificationRules.UNBIND_NOT_BOUND,
                    NotificationRegisters.hex(ids) + " is not all bound to " + sender);
        }
        NotificationBitmaps pending = state.pending();
        long pendingIds = perSender ? pending.fromWorldOf(vmSender) : pending.fromSp() | pending.fromVm();
        if ((pendingIds & ids) != 0) {
            return context.error(FfaError.DENIED, NotificationRules.BINDING_PENDING,
                    NotificationRegisters.hex(pendingIds & ids) + " pending for " + receiver);
        }
        ReceiverNotifications changed = bind ? state.bind(sender, ids)
                : perSender ? state.unbind(sender, ids) : state.unbindFromAll(ids);
        return context.outcome(context.results().success(bind ? NotificationRules.BIND : NotificationRules.UNBIND),
                (bind ? "FFA_NOTIFICATION_BIND " : "FFA_NOTIFICATION_UNBIND ") + NotificationRegisters.hex(ids)
                        + " from " + sender + " to " + receiver,
                context.state().withNotifications(context.state().notifications().with(receiver, changed)));
    }

    /**
     * A partition names any other endpoint as sender; the normal world binds only partition
     * senders, as VM-to-VM notifications are the hypervisor's business, not the SPMC's.
     */
    private static boolean senderAllowed(EndpointId caller, EndpointId sender, EndpointId receiver) {
        return !sender.equals(receiver) && (caller.isSecure() || sender.isSecure());
    }

    private static Optional<FfaOutcome> refuseDisabled(FfaContext context, EndpointId receiver, ReceiverNotifications state) {
        Optional<Partition> partition = context.topology().partition(receiver);
        if (partition.isPresent() && !NotificationState.supportsNotifications(partition.get())) {
            return Optional.of(context.error(FfaError.NOT_SUPPORTED, NotificationRules.RECEIVER_UNSUPPORTED,
                    receiver + " does not support notifications"));
        }
        NotificationChoices choices = context.profile().notifications();
        if (!state.enabled() && choices.bindWithoutBitmap().isPresent()) {
            return Optional.of(context.error(choices.bindWithoutBitmap().get(), NotificationRules.RECEIVER_UNSUPPORTED,
                    receiver + " has no bitmap created"));
        }
        return Optional.empty();
    }
}
