package org.fwcts.model.ffa.handler.messaging;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.messaging.ArgumentRegisters;
import org.fwcts.model.ffa.messaging.CpuCycleRules;
import org.fwcts.model.ffa.messaging.ExecutionContext;
import org.fwcts.model.ffa.messaging.MessagingChoices;
import org.fwcts.model.ffa.messaging.MessagingState;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.messaging.ExecutionContext.RunState;

/**
 * FFA_RUN: the scheduler gives CPU cycles to one execution context of a partition (DEN0077A,
 * "FFA_RUN"; TF-A {@code ffa_run_handler}, Hafnium {@code api_ffa_run}).
 *
 * <p>w1 = target partition ID &lt;&lt; 16 | vCPU. The caller's results come when the target gives
 * the cycles back (FFA_MSG_WAIT, FFA_YIELD, a direct response).
 */
final class RunHandler implements FfaHandler {

    @Override
    public FfaOutcome handle(FfaContext context) {
        MessagingChoices choices = context.profile().messaging();
        boolean fromPartition = context.caller().isSecure();
        if (fromPartition && choices.partitionRunError().isPresent()) {
            return context.error(choices.partitionRunError().get(), CpuCycleRules.RUN_FROM_PARTITION,
                    "FFA_RUN from partition " + context.caller());
        }
        if (choices.rejectsNonZeroReserved() && context.callerVersion().atLeast(1, 2)
                && ArgumentRegisters.extendedNonZero(context.call())) {
            return context.error(FfaError.INVALID_PARAMETERS, CpuCycleRules.RESERVED_MBZ, "x8-x17 are not zero");
        }
        EndpointId target = ArgumentRegisters.high(context.call());
        int vcpu = ArgumentRegisters.low(context.call()).value();
        if (target.equals(EndpointId.HYPERVISOR)) {
            return context.error(choices.runNormalWorldTargetError(), CpuCycleRules.RUN_NORMAL_WORLD,
                    "FFA_RUN of normal-world endpoint " + target);
        }
        Optional<Partition> partition = context.topology().partition(target);
        if (partition.isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, CpuCycleRules.RUN_TARGET, target + " is not a partition");
        }
        if (vcpu != MessagingState.MODELLED_CONTEXT) {
            return context.error(FfaError.INVALID_PARAMETERS, CpuCycleRules.RUN_VCPU,
                    "vCPU " + vcpu + " is not the primary core's context of " + target);
        }
        ExecutionContext ec = context.state().messaging().context(target);
        if (fromPartition) {
            if (ec.state() != RunState.BLOCKED && ec.state() != RunState.PREEMPTED) {
                return context.error(FfaError.DENIED, CpuCycleRules.RUN_FROM_PARTITION, target + " is " + ec.state());
            }
            return context.unmodelled("a partition resuming another partition's context is not modelled");
        }
        if (ec.isRunning()) {
            return context.error(FfaError.BUSY, CpuCycleRules.RUN_BUSY, target + " is already running");
        }
        if (ec.state() == RunState.PREEMPTED || ec.callee().isPresent()) {
            return context.unmodelled(target + " is " + ec.state() + "; resuming it is not modelled");
        }
        return resume(context, target, ec);
    }

    /** A waiting context starts running for the caller; a yielded one resumes from its FFA_YIELD. */
    private static FfaOutcome resume(FfaContext context, EndpointId target, ExecutionContext ec) {
        boolean waiting = ec.isWaiting();
        ExecutionContext running = waiting ? ExecutionContext.runningFor(context.caller()) : ec.in(RunState.RUNNING);
        ReceiverView view = ReceiverView.of(waiting ? FfaFunction.FFA_RUN : FfaFunction.FFA_SUCCESS,
                CpuCycleRules.RUN_RESUMES);
        return new FfaOutcome.Forwarded(
                context.state().withMessaging(context.state().messaging().with(target, running)), target,
                view.build(ArgumentRegisters.text(target) + (waiting ? " runs" : " resumes from FFA_YIELD")));
    }
}
