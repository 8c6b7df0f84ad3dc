package org.fwcts.model.ffa.messaging;

import java.util.Objects;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;

/**
 * One execution context (vCPU) of a partition as the SPMC tracks it (DEN0077A, "Partition runtime
 * models"; TF-A {@code struct sp_exec_ctx}, Hafnium {@code struct vcpu}).
 *
 * @param state whether the context runs, waits for a message, or was stopped mid-way
 * @param model why it runs: the runtime model it entered with its last message
 * @param origin where control returns when it finishes: the sender of the direct request it
 *     handles, or the endpoint that gave it cycles with FFA_RUN
 * @param request the kind of direct request it handles (in {@link RuntimeModel#DIRECT_REQUEST})
 * @param callee the partition it sent a direct request to and waits on, while blocked on one
 */
public record ExecutionContext(RunState state, RuntimeModel model, Optional<EndpointId> origin,
        Optional<RequestKind> request, Optional<EndpointId> callee) {

    /** The state every context is in once its partition initialised and called FFA_MSG_WAIT. */
    public static final ExecutionContext WAITING = new ExecutionContext(RunState.WAITING, RuntimeModel.NONE,
            Optional.empty(), Optional.empty(), Optional.empty());

    public ExecutionContext {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(model, "model");
    }

    /** The run states of DEN0077A, "Partition runtime models". */
    public enum RunState {
        /** Idle after FFA_MSG_WAIT or a direct response: ready for a message. */
        WAITING,
        /** Running a message or cycles it was given. */
        RUNNING,
        /** Gave its cycles back (FFA_YIELD) or waits on a direct request it sent. */
        BLOCKED,
        /** Interrupted; the model never enters it because it does not model interrupts. */
        PREEMPTED
    }

    /** Why a context runs (DEN0077A, "Partition runtime models"). */
    public enum RuntimeModel {
        /** Between messages. */
        NONE,
        /** Handling a direct request (RTM_FFA_DIR_REQ). */
        DIRECT_REQUEST,
        /** Running cycles allocated with FFA_RUN (RTM_FFA_RUN). */
        RUN
    }

    /** The two families of direct request; a response must match its request's (REQ→RESP, REQ2→RESP2). */
    public enum RequestKind {
        DIRECT_REQ,
        DIRECT_REQ2
    }

    /** Starts handling a direct request of {@code kind} from {@code sender}. */
    public static ExecutionContext handling(RequestKind kind, EndpointId sender) {
        return new ExecutionContext(RunState.RUNNING, RuntimeModel.DIRECT_REQUEST, Optional.of(sender),
                Optional.of(kind), Optional.empty());
    }

    /** Runs cycles that {@code scheduler} gave it with FFA_RUN. */
    public static ExecutionContext runningFor(EndpointId scheduler) {
        return new ExecutionContext(RunState.RUNNING, RuntimeModel.RUN, Optional.of(scheduler), Optional.empty(),
                Optional.empty());
    }

    /** The same work, in {@code newState}. */
    public ExecutionContext in(RunState newState) {
        return new ExecutionContext(newState, model, origin, request, Optional.empty());
    }

    /** Blocked on a direct request it sent to {@code partition}. */
    public ExecutionContext awaiting(EndpointId partition) {
        return new ExecutionContext(RunState.BLOCKED, model, origin, request, Optional.of(partition));
    }

    public boolean isRunning() {
        return state == RunState.RUNNING;
    }

    public boolean isWaiting() {
        return state == RunState.WAITING;
    }
}
