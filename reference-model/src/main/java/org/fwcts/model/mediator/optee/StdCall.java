package org.fwcts.model.mediator.optee;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;

/**
 * A guest's standard call between CALL_WITH_ARG and its completion: waiting in an RPC for the
 * guest (struct optee_std_call), with what OP-TEE will do when resumed.
 *
 * @param vm the guest that made it
 * @param clientId the client ID OP-TEE sees it from
 * @param thread OP-TEE's thread running it, as the last RPC return named it in x3
 * @param guestArg the command buffer's IPA
 * @param shadow Xen's copy of the command buffer: what OP-TEE works on
 * @param guestBuffer the guest's own buffer as the guest last wrote it, when known
 * @param rpcOp the RPC function the call waits in (OPTEE_SMC_RPC_FUNC_*)
 * @param rpcA1 x1 of that RPC return
 * @param rpcA2 x2 of that RPC return
 * @param next what OP-TEE does when resumed
 * @param rpcCookie the cookie of the RPC message buffer the guest gave at RPC_ALLOC; 0 before
 * @param rpcPage that buffer's IPA
 * @param lost true once Xen dropped the call without ending it (a resume naming no RPC buffer of
 *     the guest): no resume reaches it again, yet it still counts against the guest's limit and
 *     holds its OP-TEE thread
 */
public record StdCall(EndpointId vm, int clientId, int thread, long guestArg, OpteeMessage shadow,
        Optional<byte[]> guestBuffer, int rpcOp, long rpcA1, long rpcA2, Step next, long rpcCookie, long rpcPage,
        boolean lost) {

    /** OP-TEE's remaining work for a call, one RPC at a time (entry_std.c, thread_optee_smc.c). */
    public sealed interface Step {
    }

    /** Opening a session to a UUID no TA serves: ask for an RPC buffer first when there is none. */
    public record AskAlloc() implements Step {
    }

    /** Ask the normal world for what OP-TEE needs next to find the TA: shared memory for its REE file system (SHM_ALLOC, the secure-storage TA store looking first). */
    public record AskLoadTa() implements Step {
    }

    /** The load was refused: free the RPC buffer (RPC_FREE), then end. */
    public record AskFree(Completion then) implements Step {
    }

    /** End the call with {@code result}. */
    public record Complete(Completion result) implements Step {
    }

    /**
     * How OP-TEE ends a call: ret, ret_origin and session written into its message (origin or
     * session empty: chosen by OP-TEE, bound from what the guest reads back), and the rule that says so.
     * With {@code anyError} OP-TEE chooses the error: {@code ret} is the one a simulation gives, and
     * any non-zero ret and origin are allowed.
     */
    public record Completion(int ret, Optional<Integer> origin, Optional<Integer> session, boolean opensSession,
            org.fwcts.model.Rule rule, boolean anyError) {
        public Completion(int ret, Optional<Integer> origin, Optional<Integer> session, boolean opensSession,
                org.fwcts.model.Rule rule) {
            this(ret, origin, session, opensSession, rule, false);
        }
    }

    public StdCall waiting(int newThread, int op, long a1, long a2, Step then) {
        return new StdCall(vm, clientId, newThread, guestArg, shadow, guestBuffer, op, a1, a2, then, rpcCookie, rpcPage,
                lost);
    }

    /** The call as Xen leaves it when it drops it in flight. */
    public StdCall dropped() {
        return new StdCall(vm, clientId, thread, guestArg, shadow, guestBuffer, rpcOp, rpcA1, rpcA2, next, rpcCookie, rpcPage,
                true);
    }

    public StdCall withRpcBuffer(long cookie, long page) {
        return new StdCall(vm, clientId, thread, guestArg, shadow, guestBuffer, rpcOp, rpcA1, rpcA2, next, cookie, page,
                lost);
    }

    public StdCall withGuestBuffer(Optional<byte[]> bytes) {
        return new StdCall(vm, clientId, thread, guestArg, shadow, bytes, rpcOp, rpcA1, rpcA2, next, rpcCookie, rpcPage, lost);
    }

    public StdCall withShadow(OpteeMessage copy, Step then) {
        return new StdCall(vm, clientId, thread, guestArg, copy, guestBuffer, rpcOp, rpcA1, rpcA2, then, rpcCookie, rpcPage,
                lost);
    }
}
