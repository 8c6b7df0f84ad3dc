package org.fwcts.harness.pipeline;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.AgentChain;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.agent.AgentReply;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;

/** The normal-world agent on its console: SMC and HVC, with its TX/RX buffers in memory it owns. */
public final class NormalWorldAgent implements AgentChannel {
    private final EndpointId endpoint;
    private final AgentSession session;
    private final AgentMemory memory;
    private final Optional<Mailbox> mailbox;
    /** The agent's scratch area once it answered the question (empty inside: it has none); null before. */
    private Optional<CallMemory.Window> scratch;

    /** Where the agent keeps its FF-A TX and RX buffers. */
    public record Mailbox(long txAddress, long rxAddress) {
    }

    public NormalWorldAgent(EndpointId endpoint, AgentSession session, Optional<Mailbox> mailbox) {
        this(endpoint, session, new AgentMemory(session), mailbox);
    }

    /** An agent whose memory commands are {@code memory} (short writes for a console that drops input). */
    public NormalWorldAgent(EndpointId endpoint, AgentSession session, AgentMemory memory, Optional<Mailbox> mailbox) {
        this.endpoint = endpoint;
        this.session = session;
        this.memory = memory;
        this.mailbox = mailbox;
    }

    @Override
    public EndpointId endpoint() {
        return endpoint;
    }

    public AgentSession session() {
        return session;
    }

    public AgentMemory memory() {
        return memory;
    }

    @Override
    public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength) {
        if (conduit == Conduit.DIRECT_REQUEST || conduit == Conduit.REC_ENTER) {
            throw new IllegalArgumentException("the normal-world agent makes its own calls");
        }
        if (session.chains()) {
            return chained(conduit, call, tx, rxLength);
        }
        if (tx.length > 0) {
            AgentMemory.Result written = memory.write(mailbox().txAddress(), tx);
            if (!(written instanceof AgentMemory.Result.Done)) {
                return Observed.direct(new Observation.Indeterminate("writing the TX buffer failed: " + written),
                        Optional.empty());
            }
        }
        Observation observation = switch (conduit) {
            case SMC -> session.smc(call);
            case HVC -> session.hvc(call);
            case DIRECT_REQUEST, REC_ENTER -> throw new IllegalArgumentException("the normal-world agent makes its own calls");
        };
        if (rxLength == 0 || mailbox.isEmpty() || !(observation instanceof Observation.Completed)) {
            return Observed.direct(observation, Optional.empty());
        }
        AgentMemory.Result read = memory.read(mailbox.get().rxAddress(), rxLength);
        return Observed.direct(observation, read instanceof AgentMemory.Result.Done done
                ? Optional.of(done.bytes()) : Optional.empty());
    }

    /**
     * The TX write, the call and the RX read as one chain: one round trip where the agent serves
     * it, with the outcome each step would have had as a command of its own.
     */
    private Observed chained(Conduit conduit, Registers call, byte[] tx, int rxLength) {
        AgentChain chain = new AgentChain();
        if (tx.length > 0) {
            chain.write(mailbox().txAddress(), tx);
        }
        int writes = chain.size();
        if (conduit == Conduit.SMC) {
            chain.smc(call);
        } else {
            chain.hvc(call);
        }
        boolean readRx = rxLength > 0 && mailbox.isPresent();
        if (readRx) {
            chain.read(mailbox.get().rxAddress(), rxLength);
        }
        List<AgentReply> results = session.chain(chain);
        for (int i = 0; i < writes; i++) {
            AgentMemory.Result written = AgentMemory.result(resultAt(results, i), false);
            if (!(written instanceof AgentMemory.Result.Done)) {
                return Observed.direct(new Observation.Indeterminate("writing the TX buffer failed: " + written),
                        Optional.empty());
            }
        }
        Observation observation = session.observation(resultAt(results, writes));
        if (!readRx || !(observation instanceof Observation.Completed)) {
            return Observed.direct(observation, Optional.empty());
        }
        java.io.ByteArrayOutputStream rx = new java.io.ByteArrayOutputStream(rxLength);
        for (int i = writes + 1; i < chain.size(); i++) {
            if (!(AgentMemory.result(resultAt(results, i), true) instanceof AgentMemory.Result.Done done)) {
                return Observed.direct(observation, Optional.empty());
            }
            rx.writeBytes(done.bytes());
        }
        return Observed.direct(observation, Optional.of(rx.toByteArray()));
    }

    /** Result {@code i} of a chain; past a chain that stopped, the reason it stopped. */
    private static AgentReply resultAt(List<AgentReply> results, int i) {
        if (i < results.size()) {
            return results.get(i);
        }
        AgentReply last = results.isEmpty() ? null : results.get(results.size() - 1);
        return last instanceof AgentReply.NoReply || last instanceof AgentReply.Rejected ? last
                : new AgentReply.NoReply("the agent stopped the chain before this step");
    }

    /** Writes {@code memory}'s regions, makes the call, and reads its windows back after a completed call. */
    @Override
    public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength, CallMemory memory) {
        return around(memory, () -> invoke(conduit, call, tx, rxLength));
    }

    /**
     * Writes {@code memory}'s regions with this agent, makes {@code call} (which may run on another
     * vCPU of the same VM: they share memory), and reads the windows back after a completed call.
     */
    Observed around(CallMemory memory, java.util.function.Supplier<Observed> call) {
        for (MemoryRegion region : memory.writes()) {
            AgentMemory.Result written = this.memory.write(region.address(), region.bytes());
            if (!(written instanceof AgentMemory.Result.Done)) {
                return Observed.direct(new Observation.Indeterminate("writing 0x" + Long.toHexString(region.address())
                        + " before the call failed: " + written), Optional.empty());
            }
        }
        Observed observed = call.get();
        if (memory.reads().isEmpty() || !(observed.observation() instanceof Observation.Completed)) {
            return observed;
        }
        java.util.List<MemoryRegion> back = new java.util.ArrayList<>();
        for (CallMemory.Window window : memory.reads()) {
            AgentMemory.Result read = this.memory.read(window.address(), window.length());
            if (!(read instanceof AgentMemory.Result.Done done)) {
                return new Observed(new Observation.Indeterminate("reading 0x" + Long.toHexString(window.address())
                        + " after the call failed: " + read), observed.rx(), observed.exchanges(), observed.carrier());
            }
            back.add(new MemoryRegion(window.address(), done.bytes()));
        }
        return observed.withMemoryOut(back);
    }

    /**
     * The memory the agent leaves to the harness for what calls pass by address (its address and
     * length), asked of the agent once ({@code scratch}, PROTOCOL.md "Scratch memory"); empty for
     * an agent that has none (it answers {@code err verb}).
     */
    @Override
    public synchronized Optional<CallMemory.Window> scratchArea() {
        if (scratch != null) {
            return scratch;
        }
        AgentReply reply = session.request("scratch", java.util.List.of());
        for (int again = 0; again < 2 && damaged(reply); again++) {
            reply = session.request("scratch", java.util.List.of());
        }
        if (reply instanceof AgentReply.NoReply || damaged(reply)) {
            return Optional.empty();
        }
        scratch = reply instanceof AgentReply.Ok ok && ok.fields().size() == 2 && ok.number(1) > 0
                && ok.number(1) <= Integer.MAX_VALUE
                ? Optional.of(new CallMemory.Window(ok.number(0), (int) ok.number(1)))
                : Optional.empty();
        return scratch;
    }

    /** A refusal other than {@code err verb}: the line was damaged on the way, so asking again may succeed. */
    private static boolean damaged(AgentReply reply) {
        return reply instanceof AgentReply.Rejected rejected && !rejected.code().equals("verb");
    }

    private Mailbox mailbox() {
        return mailbox.orElseThrow(() -> new IllegalStateException("the agent has no TX buffer"));
    }
}
