package org.fwcts.model.ffa.handler.notification;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.notification.NotificationRules;
import org.fwcts.model.ffa.notification.ReceiverNotifications;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;

/**
 * FFA_NOTIFICATION_SET: w1 = sender[31:16] | receiver[15:0]; w2 bit 0 per-vCPU, bit 1 delay the
 * schedule receiver interrupt, [31:16] vCPU ID; w3/w4 = notification IDs (DEN0077A,
 * "Notifications"). Checks run in Hafnium's order (api_ffa_notification_set).
 *
 * <p>The schedule receiver interrupt that a successful call raises (or delays) is not part of the
 * register-level prediction.
 */
final class SetHandler implements FfaHandler {
    private static final int PER_VCPU = 1;
    private static final int DELAY_SRI = 1 << 1;
    private static final int RESERVED_FLAGS = 0x0000_FFFC;

    @Override
    public FfaOutcome handle(FfaContext context) {
        NotificationChoices choices = context.profile().notifications();
        int flags = context.call().w(2);
        if ((flags & (PER_VCPU | RESERVED_FLAGS)) != 0 || (flags >>> 16) != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.SET_FLAGS,
                    "flags 0x" + Integer.toHexString(flags));
        }
        EndpointId sender = NotificationRegisters.sender(context.call());
        EndpointId receiver = NotificationRegisters.receiver(context.call());
        if (!NotificationRegisters.actsFor(context.caller(), sender) || sender.equals(receiver)
                || (!sender.isSecure() && !receiver.isSecure())) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.SET_ENDPOINTS,
                    context.caller() + " may not signal from " + sender + " to " + receiver);
        }
        long ids = NotificationRegisters.ids(context.call());
        if (ids == 0 && choices.rejectsEmptyBitmap()) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.EMPTY_BITMAP,
                    "no notification ID named");
        }
        boolean vmSender = !sender.isSecure();
        if (vmSender && (flags & DELAY_SRI) != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.SET_DELAY_SRI,
                    "a VM asked to delay the SRI");
        }
        Optional<ReceiverNotifications> found = context.state().notifications().receiver(receiver);
        if (found.isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.RECEIVER_UNKNOWN,
                    receiver + " has no notification bitmap");
        }
        ReceiverNotifications state = found.get();
        if (!state.enabled()) {
            return context.error(FfaError.DENIED, NotificationRules.SET_RECEIVER_DISABLED,
                    receiver + " does not take notifications");
        }
        long bound = choices.bindings() == NotificationChoices.Bindings.PER_SENDER ? state.boundTo(sender)
                : state.boundToAny();
        if ((bound & ids) != ids) {
            return context.error(FfaError.DENIED, NotificationRules.SET_NOT_BOUND,
                    NotificationRegisters.hex(ids & ~bound) + " not bound to " + sender);
        }
        ReceiverNotifications signalled = state.withPending(state.pending().plus(vmSender, ids));
        return context.outcome(context.results().success(NotificationRules.SET),
                "FFA_NOTIFICATION_SET " + NotificationRegisters.hex(ids) + " from " + sender + " to " + receiver,
                context.state().withNotifications(context.state().notifications().with(receiver, signalled)));
    }
}
