package org.fwcts.model.mediator.optee;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.VmEndpoint;
import org.fwcts.model.mediator.optee.OpteeOutcome.Alternative;
import org.fwcts.model.mediator.optee.StdCall.Completion;
import org.fwcts.model.prediction.Prediction;

/**
 * Xen's OP-TEE mediator with OP-TEE behind it, as a guest sees them: predicts each OP-TEE SMC a
 * guest makes, from the state and the guest memory the guest wrote for the call. Pure.
 *
 * <p>OP-TEE's side covers what the catalogue drives: the fast calls, sessions to built-in pseudo
 * TAs, and opening a session to a UUID no TA serves, which OP-TEE answers with RPCs (buffer
 * allocation, a load request, the buffer's release). Any step of OP-TEE may instead return for a
 * foreign interrupt; that outcome is always allowed.
 */
public final class XenOpteeMediator {
    /** GUEST_RAM0_BASE (xen/include/public/arch-arm.h): nothing below it is a guest's RAM. */
    public static final long GUEST_RAM_BASE = 0x4000_0000L;
    private static final long UNKNOWN_FUNCTION = -1L;
    private static final int MAX_PARAMS = (OpteeMessage.PAGE - OpteeMessage.HEADER) / OpteeMessage.PARAM;
    /** OPTEE_MSG_GET_ARG_SIZE(THREAD_RPC_MAX_NUM_PARAMS = 4): what OP-TEE asks RPC_ALLOC for. */
    private static final long RPC_ARG_SIZE = OpteeMessage.sizeFor(4);

    private final OpteeSetup setup;
    private final OpteeDepartures departures;

    public XenOpteeMediator(OpteeSetup setup) {
        this(setup, OpteeDepartures.NONE);
    }

    /** A mediator departing from Xen's as {@code departures} say: for simulated targets only. */
    public XenOpteeMediator(OpteeSetup setup, OpteeDepartures departures) {
        this.setup = setup;
        this.departures = departures;
    }

    public OpteeSetup setup() {
        return setup;
    }

    /** Whether {@code caller} is one of the mediator's guests. */
    public boolean serves(EndpointId caller) {
        return setup.vm(caller).isPresent();
    }

    /** Whether Xen gives an SMC with this x0 to the TEE mediator. */
    public static boolean claims(long x0) {
        return OpteeSmc.mediated(x0);
    }

    /** Predicts {@code call} from guest {@code caller}, reading the memory it wrote for the call from {@code memory}. */
    public OpteeOutcome step(OpteeState state, EndpointId caller, Registers call, HostMemory memory) {
        VmEndpoint vm = setup.vm(caller).orElseThrow(() ->
                new IllegalArgumentException(caller + " is not a guest of this mediator"));
        if (!vm.mediatorAttached()) {
            return fixed(state, Answer.code(call, UNKNOWN_FUNCTION, OpteeRules.NOT_ATTACHED,
                    vm.id() + " has no OP-TEE mediator: SMCCC unknown function"));
        }
        long fid = call.x(0) & 0xFFFF_FFFFL;
        if (fid == OpteeSmc.CALLS_COUNT) {
            return fixed(state, Answer.code(call, setup.xen().smcCount(), OpteeRules.CALLS_COUNT,
                    "OPTEE_SMC_CALLS_COUNT: the mediator's " + setup.xen().smcCount()));
        }
        if (fid == OpteeSmc.CALLS_UID || fid == OpteeSmc.GET_OS_UUID) {
            long[] uid = fid == OpteeSmc.CALLS_UID ? OpteeSmc.API_UID : OpteeSmc.OS_UUID;
            Answer answer = Answer.to(call, OpteeRules.FORWARDED_FAST);
            for (int i = 0; i < 4; i++) {
                answer.w(i, uid[i], OpteeRules.UID);
            }
            return fixed(state, answer.build(fid == OpteeSmc.CALLS_UID ? "OP-TEE's API UID" : "OP-TEE's OS UUID",
                    OpteeRules.UID));
        }
        if (fid == OpteeSmc.CALLS_REVISION) {
            return fixed(state, Answer.to(call, OpteeRules.FORWARDED_FAST).w(0, OpteeSmc.API_MAJOR, OpteeRules.UID)
                    .w(1, OpteeSmc.API_MINOR, OpteeRules.UID).build("OP-TEE message API revision 2.0", OpteeRules.UID));
        }
        if (fid == OpteeSmc.GET_OS_REVISION) {
            return osRevision(state, call);
        }
        if (fid == OpteeSmc.GET_SHM_CONFIG) {
            return fixed(state, Answer.code(call, OpteeSmc.RETURN_ENOTAVAIL, OpteeRules.SHM_CONFIG,
                    "no static shared memory for guests"));
        }
        if (fid == OpteeSmc.EXCHANGE_CAPABILITIES) {
            return capabilities(state, call);
        }
        if (fid == OpteeSmc.DISABLE_SHM_CACHE) {
            // OP-TEE answers from the calling guest's partition: its own threads (see OpteeState.busyThreads).
            int client = departures.sharedClientId() ? setup.vms().get(0).id().value() : vm.id().value();
            boolean busy = !state.busyThreads(client).isEmpty();
            return fixed(state, Answer.to(call, OpteeRules.SHM_CACHE)
                    .w(0, busy ? OpteeSmc.RETURN_EBUSY : OpteeSmc.RETURN_ENOTAVAIL, OpteeRules.SHM_CACHE)
                    .build(busy ? "EBUSY: an OP-TEE thread is in use" : "ENOTAVAIL: no RPC buffer cached",
                            OpteeRules.SHM_CACHE));
        }
        if (fid == OpteeSmc.ENABLE_SHM_CACHE) {
            return new OpteeOutcome.Unmodelled("OP-TEE's cache of RPC buffers (ENABLE_SHM_CACHE) is not modelled");
        }
        if (fid == OpteeSmc.CALL_WITH_ARG) {
            return standardCall(state, vm, call, memory);
        }
        if (fid == OpteeSmc.RETURN_FROM_RPC) {
            return resume(state, vm, call, memory);
        }
        return fixed(state, Answer.code(call, UNKNOWN_FUNCTION, OpteeRules.UNKNOWN,
                "0x" + Long.toHexString(fid) + " is not an SMC the mediator passes on"));
    }

    private OpteeOutcome osRevision(OpteeState state, Registers call) {
        Optional<List<Long>> known = setup.optee().osRevision().map(r -> List.of(r[0], r[1])).or(state::osRevision);
        Answer answer = Answer.to(call, OpteeRules.FORWARDED_FAST);
        if (known.isPresent()) {
            answer.w(0, known.get().get(0), OpteeRules.OS_REVISION).w(1, known.get().get(1), OpteeRules.OS_REVISION);
        } else {
            answer.chosen(0, 4, "CFG_OPTEE_REVISION_MAJOR", OpteeRules.OS_REVISION)
                    .chosen(1, 0, "CFG_OPTEE_REVISION_MINOR", OpteeRules.OS_REVISION);
        }
        Prediction prediction = answer.build("OP-TEE's OS revision; x2 (build ID) not passed on", OpteeRules.OS_REVISION);
        return one(prediction, Optional.empty(), (observed, buffer) -> known.isPresent() ? state
                : state.withOsRevision(observed.x(0) & 0xFFFF_FFFFL, observed.x(1) & 0xFFFF_FFFFL));
    }

    private OpteeOutcome capabilities(OpteeState state, Registers call) {
        long caps = setup.optee().secCaps() & setup.xen().knownSecCaps() & ~OpteeSmc.SEC_CAP_HAVE_RESERVED_SHM;
        if ((caps & OpteeSmc.SEC_CAP_DYNAMIC_SHM) == 0) {
            return fixed(state, Answer.code(call, OpteeSmc.RETURN_ENOTAVAIL, OpteeRules.CAPABILITIES,
                    "ENOTAVAIL: OP-TEE has no dynamic shared memory"));
        }
        return fixed(state, Answer.to(call, OpteeRules.CAPABILITIES).x(0, OpteeSmc.RETURN_OK, -1L, OpteeRules.CAPABILITIES)
                .w(1, caps, OpteeRules.CAPABILITIES).build("capabilities 0x" + Long.toHexString(caps)
                        + " as Xen filters them", OpteeRules.CAPABILITIES));
    }

    /** OPTEE_SMC_CALL_WITH_ARG: handle_std_call. */
    private OpteeOutcome standardCall(OpteeState state, VmEndpoint vm, Registers call, HostMemory memory) {
        long ipa = OpteeSmc.pair(call.x(1), call.x(2));
        Optional<byte[]> written = OpteeMessage.read(memory, ipa).map(OpteeMessage::encode);
        Optional<ArgBuffer> untouched = written.map(bytes -> new ArgBuffer(ipa, OpteeMessage.decode(bytes), false, false));
        int threads = setup.optee().threads();
        if (!departures.noThreadLimit() && state.callsOf(vm.id()) >= threads) {
            return one(Answer.code(call, OpteeSmc.RETURN_ETHREAD_LIMIT, OpteeRules.THREAD_LIMIT, "ETHREAD_LIMIT: "
                    + vm.id() + " has " + threads + " calls in OP-TEE"), untouched, (observed, buffer) -> state);
        }
        if ((ipa & (OpteeMessage.PAGE - 1)) != 0 && !departures.unalignedAccepted()) {
            return one(Answer.code(call, OpteeSmc.RETURN_EBADADDR, OpteeRules.ARG_ALIGNMENT,
                    "EBADADDR: command buffer 0x" + Long.toHexString(ipa) + " is not 4K-aligned"), untouched,
                    (observed, buffer) -> state);
        }
        if (Long.compareUnsigned(ipa, GUEST_RAM_BASE) < 0) {
            return fixed(state, Answer.code(call, OpteeSmc.RETURN_EBADADDR, OpteeRules.ARG_MEMORY,
                    "EBADADDR: 0x" + Long.toHexString(ipa) + " is below the guest's RAM"));
        }
        if (written.isEmpty()) {
            return new OpteeOutcome.Unmodelled("the command buffer at 0x" + Long.toHexString(ipa)
                    + " holds bytes the model does not know");
        }
        OpteeMessage message = OpteeMessage.decode(written.get());
        if (Integer.toUnsignedLong(message.declaredParams()) > MAX_PARAMS) {
            OpteeMessage back = message.withResult(OpteeMessage.TEEC_ERROR_BAD_PARAMETERS, OpteeMessage.TEEC_ORIGIN_COMMS,
                    message.session());
            return one(Answer.to(call, OpteeRules.ARG_SIZE).build("num_params " + Integer.toUnsignedString(
                    message.declaredParams()) + " does not fit a page: BAD_PARAMETERS in the buffer, x0 not written",
                    OpteeRules.ARG_SIZE), Optional.of(new ArgBuffer(ipa, back, false, false)), (observed, buffer) -> state);
        }
        if (message.cmd() < OpteeMessage.CMD_OPEN_SESSION || message.cmd() > OpteeMessage.CMD_UNREGISTER_SHM) {
            return one(Answer.code(call, OpteeSmc.RETURN_EBADCMD, OpteeRules.ARG_CMD, "EBADCMD: cmd "
                    + Integer.toUnsignedString(message.cmd())), untouched, (observed, buffer) -> state);
        }
        for (OpteeMessage.Param param : message.params()) {
            boolean tmem = param.type() >= OpteeMessage.ATTR_TMEM_INPUT && param.type() <= OpteeMessage.ATTR_TMEM_INOUT;
            if (tmem && (param.attr() & OpteeMessage.ATTR_NONCONTIG) == 0 && param.a() != 0) {
                OpteeMessage back = message.withResult(OpteeMessage.TEEC_ERROR_BAD_PARAMETERS,
                        OpteeMessage.TEEC_ORIGIN_COMMS, message.session());
                return one(Answer.code(call, OpteeSmc.RETURN_OK, OpteeRules.ARG_TMEM,
                        "a contiguous temporary memory reference: BAD_PARAMETERS from the mediator"),
                        Optional.of(new ArgBuffer(ipa, back, false, false)), (observed, buffer) -> state);
            }
            if (tmem && param.a() != 0) {
                return new OpteeOutcome.Unmodelled("non-contiguous memory references are not modelled");
            }
        }
        if (message.cmd() > OpteeMessage.CMD_CLOSE_SESSION) {
            return new OpteeOutcome.Unmodelled("OP-TEE's CANCEL, REGISTER_SHM and UNREGISTER_SHM are not modelled");
        }
        int clientId = departures.sharedClientId() ? setup.vms().get(0).id().value() : vm.id().value();
        if (!departures.noThreadLimit() && state.busyThreads(clientId).size() >= threads) {
            // The guest's pool in OP-TEE is full (calls reaching it under another guest's ID): OP-TEE's
            // ETHREAD_LIMIT, the buffer written back unchanged.
            return one(Answer.to(call, OpteeRules.THREAD_LIMIT).w(0, OpteeSmc.RETURN_ETHREAD_LIMIT, OpteeRules.THREAD_LIMIT)
                    .build("ETHREAD_LIMIT from OP-TEE: the " + threads + " threads of client " + clientId
                            + " are busy", OpteeRules.THREAD_LIMIT),
                    untouched, (observed, buffer) -> state);
        }
        Optional<StdCall.Step> plan = plan(state, clientId, message);
        if (plan.isEmpty()) {
            return new OpteeOutcome.Unmodelled("OP-TEE's answer to this " + commandName(message.cmd())
                    + " is not modelled");
        }
        StdCall started = new StdCall(vm.id(), clientId, -1, ipa, message, written, -1, 0, 0, plan.get(), 0, 0, false);
        return run(state, started, call, true);
    }

    /** What OP-TEE does with {@code message} from {@code clientId} (entry_std.c). */
    private Optional<StdCall.Step> plan(OpteeState state, int clientId, OpteeMessage message) {
        switch (message.cmd()) {
            case OpteeMessage.CMD_OPEN_SESSION: {
                boolean meta = message.params().size() >= 2
                        && message.params().get(1).attr() == (OpteeMessage.ATTR_VALUE_INPUT | OpteeMessage.ATTR_META);
                Optional<byte[]> uuid = message.openSessionUuid();
                if (!meta || uuid.isEmpty()) {
                    return complete(OpteeMessage.TEEC_ERROR_BAD_PARAMETERS, OpteeMessage.TEEC_ORIGIN_TEE, message,
                            OpteeRules.OPEN_SESSION);
                }
                if (setup.optee().isPseudoTa(uuid.get())) {
                    return Optional.of(new StdCall.Complete(new Completion(0, Optional.empty(), Optional.empty(), true,
                            OpteeRules.OPEN_SESSION)));
                }
                return Optional.of(new StdCall.AskAlloc());
            }
            case OpteeMessage.CMD_INVOKE_COMMAND: {
                if (!state.holds(clientId, message.session())) {
                    return complete(OpteeMessage.TEEC_ERROR_BAD_PARAMETERS, OpteeMessage.TEEC_ORIGIN_TEE, message,
                            OpteeRules.SESSION);
                }
                if (Integer.compareUnsigned(message.func(), 2) > 0) {
                    return complete(OpteeMessage.TEEC_ERROR_NOT_IMPLEMENTED, OpteeMessage.TEEC_ORIGIN_TRUSTED_APP, message,
                            OpteeRules.DEVICE_PTA);
                }
                boolean oneOutput = message.params().size() == 1 && (message.params().get(0).type()
                        == OpteeMessage.ATTR_TMEM_OUTPUT || message.params().get(0).type() == OpteeMessage.ATTR_RMEM_OUTPUT);
                return oneOutput ? Optional.empty()
                        : complete(OpteeMessage.TEEC_ERROR_BAD_PARAMETERS, OpteeMessage.TEEC_ORIGIN_TRUSTED_APP, message,
                                OpteeRules.DEVICE_PTA);
            }
            default: {
                if (!message.params().isEmpty()) {
                    return complete(OpteeMessage.TEEC_ERROR_BAD_PARAMETERS, OpteeMessage.TEEC_ORIGIN_TEE, message,
                            OpteeRules.SESSION);
                }
                return complete(state.holds(clientId, message.session()) ? 0 : OpteeMessage.TEEC_ERROR_ITEM_NOT_FOUND,
                        OpteeMessage.TEEC_ORIGIN_TEE, message, OpteeRules.SESSION);
            }
        }
    }

    private static Optional<StdCall.Step> complete(int ret, int origin, OpteeMessage message, Rule rule) {
        return Optional.of(new StdCall.Complete(new Completion(ret, Optional.of(origin), Optional.of(message.session()),
                false, rule)));
    }

    /** OPTEE_SMC_CALL_RETURN_FROM_RPC: handle_rpc. */
    private OpteeOutcome resume(OpteeState state, VmEndpoint vm, Registers call, HostMemory memory) {
        int thread = (int) call.x(3);
        Optional<StdCall> found = state.waiting(vm.id(), thread);
        if (found.isEmpty()) {
            if (departures.doubleResume() && state.lastResumes().containsKey(vm.id())) {
                Registers replay = state.lastResumes().get(vm.id());
                Answer answer = Answer.to(call, OpteeRules.RESUME);
                for (int i = 0; i <= 3; i++) {
                    answer.x(i, replay.x(i), -1L, OpteeRules.RESUME);
                }
                return fixed(state, answer.build("the last resume's answer again", OpteeRules.RESUME));
            }
            return fixed(state, Answer.code(call, OpteeSmc.RETURN_ERESUME, OpteeRules.RESUME,
                    "ERESUME: no call of " + vm.id() + " waits on thread " + thread));
        }
        StdCall waiting = found.get();
        OpteeState rest = state.without(waiting);
        Optional<byte[]> rewritten = OpteeMessage.read(memory, waiting.guestArg()).map(OpteeMessage::encode);
        if (rewritten.isPresent()) {
            waiting = waiting.withGuestBuffer(rewritten);
            if (departures.unshadowed()) {
                waiting = waiting.withShadow(OpteeMessage.decode(rewritten.get()), waiting.next());
            }
        }
        switch (waiting.rpcOp()) {
            case OpteeSmc.RPC_ALLOC: {
                long page = OpteeSmc.pair(call.x(1), call.x(2));
                long cookie = OpteeSmc.pair(call.x(4), call.x(5));
                boolean duplicate = state.calls().stream().anyMatch(other -> other.vm().equals(vm.id())
                        && other.rpcCookie() == cookie && cookie != 0);
                if ((page & (OpteeMessage.PAGE - 1)) != 0 || Long.compareUnsigned(page, GUEST_RAM_BASE) < 0 || duplicate) {
                    return new OpteeOutcome.Unmodelled("OP-TEE given no RPC buffer (page 0x" + Long.toHexString(page)
                            + ") is not modelled");
                }
                waiting = waiting.withRpcBuffer(cookie, page);
                break;
            }
            case OpteeSmc.RPC_CMD: {
                long cookie = OpteeSmc.pair(call.x(1), call.x(2));
                if (cookie != waiting.rpcCookie()) {
                    boolean another = state.calls().stream().anyMatch(other -> other.vm().equals(vm.id())
                            && other.rpcCookie() == cookie && cookie != 0);
                    if (another) {
                        return new OpteeOutcome.Unmodelled("a resume naming another call's RPC buffer is not modelled");
                    }
                    // handle_rpc_cmd finds no buffer and returns: x0..x3 not written, the call left in flight.
                    StdCall lost = waiting.dropped();
                    return one(Answer.to(call, OpteeRules.RPC_CMD_COOKIE).build("no RPC buffer with cookie 0x"
                            + Long.toHexString(cookie) + ": Xen drops the call, registers untouched",
                            OpteeRules.RPC_CMD_COOKIE), Optional.empty(), (observed, buffer) -> rest.with(lost));
                }
                Optional<byte[]> reply = memory.read(waiting.rpcPage(), OpteeMessage.HEADER);
                if (reply.isEmpty()) {
                    return new OpteeOutcome.Unmodelled("the guest's answer to the RPC is not known to the model");
                }
                if (OpteeMessage.decode(reply.get()).ret() == 0) {
                    return new OpteeOutcome.Unmodelled("a TA the guest supplies for OP-TEE to load is not modelled");
                }
                break;
            }
            default:
                break;
        }
        return run(rest, waiting, call, false);
    }

    /**
     * OP-TEE runs {@code call}'s next step: an RPC back to the guest, or the end of the call. A
     * return for a foreign interrupt, the step still to do, is always allowed too.
     */
    private OpteeOutcome run(OpteeState state, StdCall call, Registers registers, boolean starting) {
        int thread = starting ? lowestFree(state, call.clientId()) : call.thread();
        List<Alternative> alternatives = new ArrayList<>();
        StdCall.Step step = call.next();
        // Loading a TA no one serves: which RPC commands OP-TEE sends, and the error it ends with, are
        // its own (more commands while another thread loads, another store tried); the buffer and
        // thread rules stay the mediator's.
        StdCall.Complete refused = new StdCall.Complete(new Completion(OpteeMessage.TEEC_ERROR_ITEM_NOT_FOUND,
                Optional.of(OpteeMessage.TEEC_ORIGIN_TEE), Optional.of(call.shadow().session()), false,
                OpteeRules.OPEN_SESSION, true));
        StdCall.AskFree free = new StdCall.AskFree(refused.result());
        if (step instanceof StdCall.Complete complete) {
            alternatives.add(completion(state, call, registers, complete.result()));
        } else if (step instanceof StdCall.AskAlloc) {
            alternatives.add(rpc(state, call, registers, starting, thread, OpteeSmc.RPC_ALLOC, new StdCall.AskLoadTa(),
                    "RPC_ALLOC: OP-TEE asks for a buffer for its RPC messages"));
            alternatives.add(completion(state, call, registers, refused.result()));
        } else if (step instanceof StdCall.AskLoadTa) {
            alternatives.add(rpc(state, call, registers, starting, thread, OpteeSmc.RPC_CMD, free,
                    "RPC_CMD: OP-TEE asks the guest to load the TA"));
            alternatives.add(rpc(state, call, registers, starting, thread, OpteeSmc.RPC_FREE, refused,
                    "RPC_FREE: OP-TEE gives its RPC buffer back"));
        } else {
            alternatives.add(rpc(state, call, registers, starting, thread, OpteeSmc.RPC_FREE,
                    new StdCall.Complete(((StdCall.AskFree) step).then()), "RPC_FREE: OP-TEE gives its RPC buffer back"));
            alternatives.add(rpc(state, call, registers, starting, thread, OpteeSmc.RPC_CMD, step,
                    "RPC_CMD: OP-TEE sends another command"));
        }
        alternatives.add(rpc(state, call, registers, starting, thread, OpteeSmc.RPC_FOREIGN_INTR, step,
                "RPC_FOREIGN_INTR: OP-TEE returns for an interrupt"));
        return new OpteeOutcome.Predicted(alternatives);
    }


    private Alternative rpc(OpteeState state, StdCall call, Registers registers, boolean starting, int thread, int function,
            StdCall.Step then, String summary) {
        Rule rule = starting ? OpteeRules.RPC : OpteeRules.RESUME;
        Answer answer = Answer.to(registers, OpteeRules.RPC).w(0, OpteeSmc.rpc(function), OpteeRules.OPEN_SESSION);
        if (starting) {
            answer.chosen(3, thread, "OP-TEE's thread", OpteeRules.RPC);
        } else {
            answer.w(3, thread, OpteeRules.RESUME);
        }
        if (function == OpteeSmc.RPC_ALLOC) {
            answer.chosen(1, RPC_ARG_SIZE, "the RPC buffer's size", OpteeRules.RPC).unjudged(2, OpteeRules.RPC);
        } else if (function == OpteeSmc.RPC_CMD || function == OpteeSmc.RPC_FREE) {
            answer.w(1, call.rpcCookie() >>> 32, OpteeRules.RPC_ALLOC).w(2, call.rpcCookie() & 0xFFFF_FFFFL,
                    OpteeRules.RPC_ALLOC);
        } else {
            answer.unjudged(1, OpteeRules.RPC).unjudged(2, OpteeRules.RPC);
        }
        Prediction prediction = answer.build(summary, rule);
        return new Alternative(prediction, Optional.empty(), (observed, buffer) -> {
            int bound = (int) (observed.x(3) & 0xFFFF_FFFFL);
            StdCall next = call.waiting(bound, function, observed.x(1), observed.x(2), then);
            if (function == OpteeSmc.RPC_FREE) {
                next = next.withRpcBuffer(0, 0);
            }
            return state.with(next).withLastResume(call.vm(), observed);
        });
    }

    /** The call ends: x0 = OK and Xen writes ret, ret_origin, session and the output fields back. */
    private Alternative completion(OpteeState state, StdCall call, Registers registers, Completion result) {
        OpteeMessage guest = call.guestBuffer().map(OpteeMessage::decode).orElse(call.shadow());
        List<OpteeMessage.Param> params = new ArrayList<>(guest.params());
        for (int i = 0; i < call.shadow().params().size() && i < params.size(); i++) {
            OpteeMessage.Param seen = call.shadow().params().get(i);
            OpteeMessage.Param mine = params.get(i);
            long type = seen.type();
            if (type == OpteeMessage.ATTR_VALUE_OUTPUT || type == OpteeMessage.ATTR_VALUE_INOUT) {
                params.set(i, new OpteeMessage.Param(mine.attr(), seen.a(), seen.b(), seen.c()));
            } else if (type == OpteeMessage.ATTR_TMEM_OUTPUT || type == OpteeMessage.ATTR_TMEM_INOUT
                    || type == OpteeMessage.ATTR_RMEM_OUTPUT || type == OpteeMessage.ATTR_RMEM_INOUT) {
                params.set(i, new OpteeMessage.Param(mine.attr(), mine.a(), seen.b(), mine.c()));
            }
        }
        OpteeMessage back = guest.withParams(params).withResult(result.ret(), result.origin().orElse(0),
                result.session().orElse(call.shadow().session()));
        ArgBuffer buffer = new ArgBuffer(call.guestArg(), back, result.session().isEmpty(),
                result.origin().isEmpty() || result.anyError(), result.anyError());
        Rule rule = result.rule();
        Prediction prediction = Answer.to(registers, OpteeRules.SHADOW).w(0, OpteeSmc.RETURN_OK, rule)
                .build(commandName(call.shadow().cmd()) + " done: ret 0x" + Integer.toHexString(result.ret()), rule);
        return new Alternative(prediction, Optional.of(buffer), (observed, read) -> {
            OpteeState next = state.withLastResume(call.vm(), observed);
            int cmd = call.shadow().cmd();
            if (result.opensSession() && read.isPresent()) {
                next = next.withSession(call.clientId(), OpteeMessage.decode(read.get()).session(), true);
            } else if (cmd == OpteeMessage.CMD_CLOSE_SESSION && result.ret() == 0) {
                next = next.withSession(call.clientId(), call.shadow().session(), false);
            }
            return next;
        });
    }

    /** The thread a new call of client {@code clientId} runs on: the lowest free in its guest's pool. */
    private int lowestFree(OpteeState state, int clientId) {
        int thread = 0;
        while (state.busyThreads(clientId).contains(thread)) {
            thread++;
        }
        return thread;
    }

    private static String commandName(int cmd) {
        switch (cmd) {
            case OpteeMessage.CMD_OPEN_SESSION:
                return "OPEN_SESSION";
            case OpteeMessage.CMD_INVOKE_COMMAND:
                return "INVOKE_COMMAND";
            case OpteeMessage.CMD_CLOSE_SESSION:
                return "CLOSE_SESSION";
            default:
                return "cmd " + cmd;
        }
    }

    private static OpteeOutcome fixed(OpteeState state, Prediction prediction) {
        return one(prediction, Optional.empty(), (observed, buffer) -> state);
    }

    private static OpteeOutcome one(Prediction prediction, Optional<ArgBuffer> buffer, OpteeOutcome.After after) {
        return new OpteeOutcome.Predicted(List.of(new Alternative(prediction, buffer, after)));
    }
}
