package org.fwcts.harness.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;

/**
 * The one way a call is made: an agent issues it (I/O only), the history records it, then the
 * checker judges it and the model's state follows the target's. The model is asked first only to
 * know whether to make the call at all and how much RX to read back.
 *
 * <p>One pipeline serves a run; the model starts afresh with every boot. When the target
 * contradicts a model that carries state (FF-A, an RMM, OP-TEE), the model stops following the boot: further
 * calls are refused until the next boot.
 */
public final class CallPipeline {
    private final CallChecker checker;
    private final CallHistory history;
    private final boolean tracksState;
    private final List<Judgement> judgements = new ArrayList<>();
    private int boot;
    private long sequence;
    private ModelState state = ModelState.freshBoot();
    private String lostTrack;
    private int callsThisBoot;
    private String test;

    public CallPipeline(FirmwareModel model, CallHistory history) {
        this.checker = new CallChecker(model);
        this.history = history;
        this.tracksState = model.profile().ffa().isPresent() || model.profile().rmm().isPresent()
                || model.profile().optee().isPresent();
        this.boot = history.lastBoot();
        this.sequence = history.lastSequence();
    }

    public FirmwareModel model() {
        return checker.model();
    }

    /** A boot began: the model starts from its fresh-boot state. */
    public synchronized void newBoot(String reason) {
        boot++;
        state = ModelState.freshBoot();
        lostTrack = null;
        callsThisBoot = 0;
        history.boot(boot, reason);
    }

    /** Calls from now on belong to test {@code uniqueId}. */
    public synchronized void beginTest(String uniqueId) {
        test = uniqueId;
        judgements.clear();
    }

    /** Ends the current test; returns the judgements of its calls, in order. */
    public synchronized List<Judgement> endTest() {
        test = null;
        List<Judgement> made = List.copyOf(judgements);
        judgements.clear();
        return made;
    }

    /** The worst verdict of the current test's calls so far; PASS when it made none. */
    public synchronized Verdict testVerdict() {
        Verdict worst = Verdict.PASS;
        for (Judgement judgement : judgements) {
            worst = worst.and(judgement.verdict());
        }
        return worst;
    }

    /**
     * Makes {@code registers} from {@code agent} through {@code conduit}, with {@code tx} in its TX
     * buffer. A call the model has no prediction for is not made; its judgement is UNMODELLED.
     */
    public Judgement call(AgentChannel agent, Conduit conduit, Registers registers, byte[] tx) {
        return call(agent, conduit, registers, tx, CallMemory.NONE);
    }

    /**
     * Makes a call that writes {@code memory}'s regions before it and reads its windows after it;
     * the history keeps both and the model reads the regions written as the call's input.
     */
    public Judgement call(AgentChannel agent, Conduit conduit, Registers registers, byte[] tx, CallMemory memory) {
        ModelState before;
        synchronized (this) {
            ensureFollowing();
            before = state;
        }
        Outcome outcome = checker.model().predict(before, new FfaCall(agent.endpoint(), registers, tx),
                CallMemory.known(memory.writes()));
        if (!(outcome instanceof Outcome.Predicted predicted)) {
            return record(agent.endpoint(), conduit, registers, tx, Observed.notIssued("no prediction"), false,
                    memory.writes());
        }
        return record(agent.endpoint(), conduit, registers, tx, agent.invoke(conduit, registers, tx,
                predicted.rxLength(), memory), true, memory.writes());
    }

    /**
     * Makes one call on vCPU {@code vcpu} of {@code agent}'s VM, recorded and judged like any call;
     * the model does not see the vCPU (a mediator's state is the VM's, not a vCPU's).
     */
    public Judgement callOnVcpu(ConcurrentAgentChannel agent, int vcpu, Conduit conduit, Registers registers,
            CallMemory memory) {
        ModelState before;
        synchronized (this) {
            ensureFollowing();
            before = state;
        }
        Outcome outcome = checker.model().predict(before, FfaCall.of(agent.endpoint(), registers),
                CallMemory.known(memory.writes()));
        if (!(outcome instanceof Outcome.Predicted)) {
            return record(agent.endpoint(), conduit, registers, new byte[0], Observed.notIssued("no prediction"), false,
                    memory.writes());
        }
        return record(agent.endpoint(), conduit, registers, new byte[0],
                agent.invokeOnVcpu(vcpu, conduit, registers, memory), true, memory.writes());
    }

    /**
     * Makes two calls released together on two vCPUs of {@code agent} and judges them as one of
     * the two orders the firmware may have served them in: the order in which both match the
     * model when there is one, else vCPU 0's first. They are recorded in the order judged, so a
     * recheck of the history follows the same order. Neither is made unless the model predicts
     * both; the judgements come back in vCPU order.
     */
    public List<Judgement> callTogether(ConcurrentAgentChannel agent, Conduit conduit, Registers onVcpu0,
            Registers onVcpu1) {
        ModelState before;
        synchronized (this) {
            ensureFollowing();
            before = state;
        }
        FirmwareModel model = checker.model();
        boolean predicted = model.predict(before, FfaCall.of(agent.endpoint(), onVcpu0)) instanceof Outcome.Predicted
                && model.predict(before, FfaCall.of(agent.endpoint(), onVcpu1)) instanceof Outcome.Predicted;
        List<Observed> observed = predicted ? agent.invokeTogether(conduit, onVcpu0, onVcpu1)
                : List.of(Observed.notIssued("no prediction"), Observed.notIssued("no prediction"));
        if (observed.size() != 2) {
            throw new IllegalStateException(agent.endpoint() + " returned " + observed.size()
                    + " observations for two calls released together");
        }
        synchronized (this) {
            List<Registers> calls = List.of(onVcpu0, onVcpu1);
            boolean secondFirst = !bothPass(agent.endpoint(), conduit, calls, observed, 0)
                    && bothPass(agent.endpoint(), conduit, calls, observed, 1);
            int first = secondFirst ? 1 : 0;
            Judgement[] made = new Judgement[2];
            made[first] = record(agent.endpoint(), conduit, calls.get(first), new byte[0], observed.get(first), predicted,
                    List.of());
            made[1 - first] = record(agent.endpoint(), conduit, calls.get(1 - first), new byte[0],
                    observed.get(1 - first), predicted, List.of());
            return List.of(made);
        }
    }

    /** Whether both calls match the model when call {@code first} is judged before the other (nothing recorded). */
    private boolean bothPass(EndpointId caller, Conduit conduit, List<Registers> calls, List<Observed> observed,
            int first) {
        Judgement one = checker.judge(state, new CallEntry(0, boot, Optional.empty(), caller, conduit,
                calls.get(first), new byte[0], observed.get(first)));
        if (one.verdict() != Verdict.PASS) {
            return false;
        }
        Judgement two = checker.judge(one.after(), new CallEntry(0, boot, Optional.empty(), caller, conduit,
                calls.get(1 - first), new byte[0], observed.get(1 - first)));
        return two.verdict() == Verdict.PASS;
    }

    /**
     * Records and judges what an agent observed outside {@link #call} (a command to a partition
     * agent, carried by direct requests).
     */
    public Judgement carried(EndpointId partition, Registers firstRequest, Observed observed) {
        return record(partition, Conduit.DIRECT_REQUEST, firstRequest, new byte[0], observed, true, List.of());
    }

    private synchronized Judgement record(EndpointId caller, Conduit conduit, Registers registers, byte[] tx,
            Observed observed, boolean issued, List<MemoryRegion> memoryIn) {
        CallEntry entry = new CallEntry(++sequence, boot, Optional.ofNullable(test), caller, conduit,
                registers, tx, observed, memoryIn);
        history.call(entry);
        Judgement judgement = checker.judge(state, entry);
        history.verdict(judgement);
        if (issued) {
            callsThisBoot++;
        }
        state = judgement.after();
        if (tracksState && judgement.lostTrack().isPresent() && lostTrack == null) {
            lostTrack = judgement.lostTrack().get();
        }
        if (test != null) {
            judgements.add(judgement);
        }
        return judgement;
    }

    /** The model's state of the target, as of the last call it could follow. */
    public synchronized ModelState state() {
        return state;
    }

    /** How many calls the current boot has seen, so a run knows whether it is still fresh. */
    public synchronized int callsThisBoot() {
        return callsThisBoot;
    }

    /** Why the model stopped following this boot, if it did. */
    public synchronized Optional<String> lostTrack() {
        return Optional.ofNullable(lostTrack);
    }

    /** Records that the model no longer follows this boot (a partition agent broke its protocol, say). */
    public synchronized void loseTrack(String why) {
        if (lostTrack == null) {
            lostTrack = why;
        }
    }

    private void ensureFollowing() {
        if (lostTrack != null) {
            throw new IllegalStateException("the model no longer follows this boot: " + lostTrack);
        }
    }
}
