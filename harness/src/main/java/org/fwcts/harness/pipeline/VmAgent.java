package org.fwcts.harness.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.agent.AgentProtocolException;
import org.fwcts.harness.agent.AgentReply;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;

/**
 * The agent in a guest VM with two or more vCPUs, addressed by the VM's FF-A endpoint: single
 * calls as the normal-world agent makes them, and two calls released together on vCPUs 0 and 1
 * with the agent's {@code stage1}, {@code pair} and {@code result1} commands (PROTOCOL.md, "Two
 * vCPUs"), one call on vCPU 1 alone ({@code call1}), and calls that pass guest memory, placed in
 * the scratch area the agent reports ({@code scratch}). A VM with one vCPU gets a
 * {@link NormalWorldAgent}: it cannot offer the calls on vCPU 1.
 */
public final class VmAgent implements ConcurrentAgentChannel {
    /** {@code pair}'s status: both calls ran; vCPU 1's did not finish in time; anything else is CPU_ON's error. */
    private static final long BOTH_RAN = 0;
    private static final long SECOND_LATE = 1;
    /** How many more times a call on vCPU 1 is sent after it arrived damaged every time. */
    private static final int DAMAGED_REPEATS = 3;

    private final NormalWorldAgent calls;
    private final AgentSession session;

    public VmAgent(EndpointId endpoint, AgentSession session, Optional<NormalWorldAgent.Mailbox> mailbox) {
        this.calls = new NormalWorldAgent(endpoint, session, AgentMemory.forSlowInput(session), mailbox);
        this.session = session;
    }

    @Override
    public EndpointId endpoint() {
        return calls.endpoint();
    }

    public AgentSession session() {
        return session;
    }

    @Override
    public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength) {
        return calls.invoke(conduit, call, tx, rxLength);
    }

    /** Writes the memory with vCPU 0, makes the call, reads the memory back (PROTOCOL.md, "Scratch memory"). */
    @Override
    public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength, CallMemory memory) {
        return calls.invoke(conduit, call, tx, rxLength, memory);
    }

    /**
     * vCPU 0 makes its calls itself; vCPU 1's call is made with {@code call1} while vCPU 0 waits,
     * and the memory around it is written and read by vCPU 0 (the VM's vCPUs share it).
     */
    @Override
    public Observed invokeOnVcpu(int vcpu, Conduit conduit, Registers call, CallMemory memory) {
        if (conduit == Conduit.DIRECT_REQUEST || conduit == Conduit.REC_ENTER) {
            throw new IllegalArgumentException("a VM's vCPUs make their own calls (SMC or HVC)");
        }
        if (vcpu == 0) {
            return invoke(conduit, call, new byte[0], 0, memory);
        }
        if (vcpu != 1) {
            return unknown("the agent reaches vCPUs 0 and 1 only, not vCPU " + vcpu);
        }
        return calls.around(memory, () -> onSecondVcpu(conduit, call));
    }

    private Observed onSecondVcpu(Conduit conduit, Registers call) {
        List<String> args = new ArrayList<>(List.of(conduit == Conduit.HVC ? "1" : "0"));
        args.addAll(AgentSession.registerFields(call));
        AgentReply reply = session.request("call1", args);
        // A request refused as damaged was not run (PROTOCOL.md): on Xen's lossy input, send it again.
        for (int again = 0; again < DAMAGED_REPEATS && reply instanceof AgentReply.Rejected rejected
                && (rejected.code().equals("crc") || rejected.code().equals("syntax")); again++) {
            reply = session.request("call1", args);
        }
        if (reply instanceof AgentReply.Fault fault) {
            return Observed.direct(new Observation.Faulted(fault.exception()), Optional.empty());
        }
        if (!(reply instanceof AgentReply.Ok ok)) {
            return unknown("the call on vCPU 1 got no answer: " + reply);
        }
        long status = ok.number(0);
        if (status == SECOND_LATE) {
            return unknown("vCPU 1's call did not return within the agent's 5 s");
        }
        if (status != BOTH_RAN) {
            return unknown("PSCI CPU_ON of vCPU 1 returned " + (int) status + ": the VM has no second vCPU to run it");
        }
        return Observed.direct(new Observation.Completed(registers(ok.fields().subList(1, ok.fields().size()))),
                Optional.empty());
    }

    @Override
    public Optional<CallMemory.Window> scratchArea() {
        return calls.scratchArea();
    }

    @Override
    public List<Observed> invokeTogether(Conduit conduit, Registers onVcpu0, Registers onVcpu1) {
        if (conduit == Conduit.DIRECT_REQUEST) {
            throw new IllegalArgumentException("a VM's two vCPUs make their own calls (SMC or HVC)");
        }
        AgentReply staged = session.request("stage1", AgentSession.registerFields(onVcpu1));
        if (!(staged instanceof AgentReply.Ok)) {
            return both("vCPU 1's call could not be staged: " + staged);
        }
        List<String> args = new ArrayList<>(List.of(conduit == Conduit.HVC ? "1" : "0"));
        args.addAll(AgentSession.registerFields(onVcpu0));
        AgentReply pair = session.request("pair", args);
        if (pair instanceof AgentReply.Fault fault) {
            return List.of(Observed.direct(new Observation.Faulted(fault.exception()), Optional.empty()),
                    unknown("vCPU 0's call faulted; vCPU 1's outcome was not read"));
        }
        if (!(pair instanceof AgentReply.Ok ok)) {
            return both("the calls on two vCPUs got no answer: " + pair);
        }
        long status = ok.number(0);
        if (status != BOTH_RAN && status != SECOND_LATE) {
            return both("PSCI CPU_ON of vCPU 1 returned " + (int) status + ": the VM has no second vCPU to run it");
        }
        Observed first = Observed.direct(new Observation.Completed(registers(ok.fields().subList(1, ok.fields().size()))),
                Optional.empty());
        if (status == SECOND_LATE) {
            return List.of(first, unknown("vCPU 1's call did not return within the agent's 5 s"));
        }
        AgentReply second = session.request("result1", List.of());
        if (!(second instanceof AgentReply.Ok result)) {
            return List.of(first, unknown("vCPU 1's result could not be read: " + second));
        }
        return List.of(first, Observed.direct(new Observation.Completed(registers(result.fields())), Optional.empty()));
    }

    private static Registers registers(List<String> fields) {
        if (fields.isEmpty() || fields.size() > Registers.COUNT) {
            throw new AgentProtocolException("the agent broke the protocol: " + fields.size()
                    + " registers in a pair/result1 reply");
        }
        AgentReply.Ok ok = new AgentReply.Ok(fields);
        long[] values = new long[Registers.COUNT];
        for (int i = 0; i < fields.size(); i++) {
            values[i] = ok.number(i);
        }
        return Registers.of(values);
    }

    private static List<Observed> both(String reason) {
        return List.of(unknown(reason), unknown(reason));
    }

    private static Observed unknown(String reason) {
        return Observed.direct(new Observation.Indeterminate(reason), Optional.empty());
    }
}
