package org.fwcts.model.ffa.handler.messaging;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.messaging.ArgumentRegisters;
import org.fwcts.model.ffa.messaging.CpuCycleRules;
import org.fwcts.model.ffa.messaging.ExecutionContext;
import org.fwcts.model.ffa.messaging.MessagingState;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.messaging.ExecutionContext.RunState;
import org.fwcts.model.ffa.messaging.ExecutionContext.RuntimeModel;

/**
 * FFA_YIELD: a running partition gives its cycles back, blocked until it is run again (DEN0077A,
 * "FFA_YIELD"; Hafnium {@code api_yield} and {@code ffa_cpu_cycles_yield_prepare}).
 *
 * <p>Control returns to the request's origin, or to the scheduler that ran it; that endpoint sees
 * FFA_YIELD with the partition and vCPU in w1 and the timeout hint in w2/w3. The partition itself
 * sees FFA_SUCCESS when FFA_RUN resumes it.
 */
final class YieldHandler implements FfaHandler {

    @Override
    public FfaOutcome handle(FfaContext context) {
        EndpointId caller = context.caller();
        if (!caller.isSecure()) {
            return context.error(FfaError.NOT_SUPPORTED, CpuCycleRules.SECURE_ONLY, "FFA_YIELD from the normal world");
        }
        if (context.topology().partition(caller).isEmpty()) {
            return context.unmodelled(caller + " is not a partition of the topology");
        }
        if (context.profile().messaging().rejectsNonZeroReserved()
                && ArgumentRegisters.anyNonZero(context.call(), 4, 7)) {
            return context.error(FfaError.INVALID_PARAMETERS, CpuCycleRules.RESERVED_MBZ, "x4-x7 are not zero");
        }
        ExecutionContext own = context.state().messaging().context(caller);
        if (!own.isRunning() || own.model() == RuntimeModel.NONE) {
            return context.error(FfaError.DENIED, CpuCycleRules.NOT_RUNNING, caller + " is not running");
        }
        EndpointId origin = own.origin().orElseThrow();
        MessagingState messaging = context.state().messaging().with(caller, own.in(RunState.BLOCKED));
        if (origin.isSecure()) {
            // A partition that sent the request gets its cycles back (Hafnium api_switch_to_vm).
            messaging = messaging.with(origin, messaging.context(origin).in(RunState.RUNNING));
        }
        ReceiverView view = ReceiverView.of(FfaFunction.FFA_YIELD, CpuCycleRules.YIELD_RETURNS)
                .word(1, (long) caller.value() << 16 | MessagingState.MODELLED_CONTEXT, CpuCycleRules.YIELD_RETURNS)
                .word(2, context.call().w(2), CpuCycleRules.YIELD_RETURNS)
                .word(3, context.call().w(3), CpuCycleRules.YIELD_RETURNS);
        return new FfaOutcome.Forwarded(context.state().withMessaging(messaging), origin,
                view.build(ArgumentRegisters.text(caller) + " yields to " + ArgumentRegisters.text(origin)));
    }
}
