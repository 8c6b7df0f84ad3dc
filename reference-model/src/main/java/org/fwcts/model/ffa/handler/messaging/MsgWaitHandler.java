package org.fwcts.model.ffa.handler.messaging;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointState;
import org.fwcts.model.ffa.messaging.ArgumentRegisters;
import org.fwcts.model.ffa.messaging.CpuCycleRules;
import org.fwcts.model.ffa.messaging.ExecutionContext;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.Mailbox;
import org.fwcts.model.ffa.messaging.ExecutionContext.RuntimeModel;

/**
 * FFA_MSG_WAIT: a partition running cycles it was given goes back to waiting for a message
 * (DEN0077A, "FFA_MSG_WAIT"; TF-A {@code msg_wait_handler}, Hafnium {@code api_ffa_msg_wait}).
 *
 * <p>Control returns to the endpoint that ran the partition, which sees FFA_MSG_WAIT in w0
 * (TF-A forwards the partition's x1–x7 with it, Hafnium zeroes them, so only w0 is predicted).
 */
final class MsgWaitHandler implements FfaHandler {
    /** w2 bit 0 (v1.2): keep the RX buffer instead of releasing it. */
    private static final int RETAIN_RX = 1;

    @Override
    public FfaOutcome handle(FfaContext context) {
        if (!context.caller().isSecure()) {
            return context.error(FfaError.NOT_SUPPORTED, CpuCycleRules.SECURE_ONLY,
                    "FFA_MSG_WAIT from the normal world");
        }
        if (context.topology().partition(context.caller()).isEmpty()) {
            return context.unmodelled(context.caller() + " is not a partition of the topology");
        }
        boolean v12 = context.callerVersion().atLeast(1, 2);
        if (context.profile().messaging().rejectsNonZeroReserved() && reservedNonZero(context, v12)) {
            return context.error(FfaError.INVALID_PARAMETERS, CpuCycleRules.RESERVED_MBZ,
                    "reserved registers of FFA_MSG_WAIT are not zero");
        }
        ExecutionContext own = context.state().messaging().context(context.caller());
        if (own.isRunning() && own.model() == RuntimeModel.DIRECT_REQUEST) {
            return context.error(FfaError.DENIED, CpuCycleRules.WAIT_IN_REQUEST,
                    context.caller() + " must answer its direct request first");
        }
        if (!own.isRunning() || own.model() != RuntimeModel.RUN) {
            return context.error(FfaError.DENIED, CpuCycleRules.NOT_RUNNING,
                    context.caller() + " is not running cycles given by FFA_RUN");
        }
        FfaState next = context.state().withMessaging(
                context.state().messaging().with(context.caller(), ExecutionContext.WAITING));
        boolean retain = v12 && (context.call().w(2) & RETAIN_RX) != 0;
        if (context.profile().messaging().msgWaitReleasesRx() && !retain) {
            next = releaseRx(next, context);
        }
        return new FfaOutcome.Forwarded(next, own.origin().orElseThrow(),
                ReceiverView.of(FfaFunction.FFA_MSG_WAIT, CpuCycleRules.WAIT_RETURNS)
                        .build(ArgumentRegisters.text(context.caller()) + " waits; its scheduler runs again"));
    }

    /** Hafnium: w1, w3–w7 always; x8–x17 from v1.2 callers, w2 (the flags) before v1.2. */
    private static boolean reservedNonZero(FfaContext context, boolean v12) {
        return context.call().w(1) != 0 || ArgumentRegisters.anyNonZero(context.call(), 3, 7)
                || (v12 ? ArgumentRegisters.extendedNonZero(context.call()) : context.call().w(2) != 0);
    }

    private static FfaState releaseRx(FfaState state, FfaContext context) {
        EndpointState caller = state.endpoint(context.caller());
        Optional<Mailbox> mailbox = caller.mailbox();
        if (mailbox.isEmpty() || !mailbox.get().rxFull()) {
            return state;
        }
        return state.withEndpoint(context.caller(), caller.withMailbox(Optional.of(mailbox.get().release())));
    }
}
