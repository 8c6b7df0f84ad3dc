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
 * contradicts a model that carries state (FF-A), the model stops following the boot: further
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
        this.tracksState = model.profile().ffa().isPresent() || model.profile().rmm().isPresent();
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
