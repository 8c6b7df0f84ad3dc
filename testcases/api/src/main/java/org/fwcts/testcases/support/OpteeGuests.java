package org.fwcts.testcases.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.harness.pipeline.ConcurrentAgentChannel;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.VmEndpoint;
import org.fwcts.model.mediator.optee.OpteeSetup;
import org.fwcts.model.mediator.optee.OpteeState;
import org.fwcts.model.mediator.optee.StdCall;
import org.opentest4j.TestAbortedException;

/**
 * The guest VMs of a target with Xen's OP-TEE mediator, as tests see them: each VM's agent from
 * the boot's directory, its OP-TEE SMCs made, recorded and judged through the run's pipeline. A
 * test that needs what the target lacks (the mediator, a second VM, a scratch area, a second vCPU)
 * is skipped with the reason.
 */
public final class OpteeGuests {
    private final Firmware firmware;
    private final OpteeSetup setup;
    private final List<EndpointId> ids;

    private OpteeGuests(Firmware firmware, OpteeSetup setup, List<EndpointId> ids) {
        this.firmware = firmware;
        this.setup = setup;
        this.ids = List.copyOf(ids);
    }

    /**
     * The guests of the current boot, with every call an earlier test left waiting in OP-TEE
     * finished first; skips the test when the target runs no VMs behind the OP-TEE mediator.
     */
    public static OpteeGuests of(Firmware firmware) {
        OpteeSetup setup = firmware.model().optee().map(m -> m.setup()).orElseThrow(() ->
                new TestAbortedException("profile " + firmware.profile().name() + " has no OP-TEE mediator"));
        List<EndpointId> ids = firmware.agents().vms();
        if (ids.isEmpty()) {
            throw new TestAbortedException("the target gives no agent to any guest VM");
        }
        OpteeGuests guests = new OpteeGuests(firmware, setup, ids);
        guests.finishWaiting();
        return guests;
    }

    /** The VMs with an agent and the mediator attached; skips the test when there is none. */
    public List<OpteeGuest> attached() {
        List<OpteeGuest> found = new ArrayList<>();
        for (EndpointId id : ids) {
            Optional<VmEndpoint> vm = setup.vm(id);
            if (vm.isPresent() && vm.get().mediatorAttached()) {
                found.add(guest(id));
            }
        }
        if (found.isEmpty()) {
            throw new TestAbortedException("OP-TEE mediator not attached to any VM with an agent (" + ids
                    + "): the Xen under test gives its guests no OP-TEE mediator");
        }
        return found;
    }

    /** At least {@code count} attached VMs; skips the test, saying how many there are, otherwise. */
    public List<OpteeGuest> atLeast(int count) {
        List<OpteeGuest> found = attached();
        if (found.size() < count) {
            throw new TestAbortedException("needs " + count + " VMs with the OP-TEE mediator; the target has " + found.size());
        }
        return found;
    }

    public OpteeSetup setup() {
        return setup;
    }

    /** The model's view of the mediator and OP-TEE on this boot. */
    public OpteeState state() {
        return firmware.model().opteeState(firmware.pipeline().state());
    }

    private OpteeGuest guest(EndpointId id) {
        return new OpteeGuest(id, firmware.agents().agent(id).orElseThrow());
    }

    /** Finishes the calls the model sees waiting in an RPC, so a test starts with all of OP-TEE's threads free. */
    private void finishWaiting() {
        List<OpteeCall> calls = new ArrayList<>();
        for (StdCall waiting : state().calls()) {
            if (ids.contains(waiting.vm()) && !waiting.lost()) {
                calls.add(guest(waiting.vm()).resumeWaiting(waiting));
            }
        }
        OpteeCall.finishTogether(calls, false);
    }

    /** One VM: its calls go through the run's pipeline as that VM's. */
    public final class OpteeGuest {
        private final EndpointId id;
        private final AgentChannel agent;

        OpteeGuest(EndpointId id, AgentChannel agent) {
            this.id = id;
            this.agent = agent;
        }

        public EndpointId id() {
            return id;
        }

        /** The client ID OP-TEE knows this VM by: domain ID + 1, the ID its agent is addressed by. */
        public int clientId() {
            return id.value();
        }

        /**
         * Makes {@code registers} with SMC as this VM and checks it against the model: a contradicted
         * call fails the test, a call the model cannot predict skips it.
         */
        public Judgement smc(long... registers) {
            return checked(firmware.pipeline().call(agent, Conduit.SMC, Registers.of(registers), new byte[0]));
        }

        /** Makes {@code registers} on vCPU {@code vcpu}, writing and reading guest memory around it; checked. */
        Judgement call(int vcpu, Registers registers, CallMemory memory) {
            if (vcpu == 0) {
                return checked(firmware.pipeline().call(agent, Conduit.SMC, registers, new byte[0], memory));
            }
            if (!(agent instanceof ConcurrentAgentChannel concurrent)) {
                throw new TestAbortedException(id + "'s agent cannot make a call on vCPU " + vcpu);
            }
            return checked(firmware.pipeline().callOnVcpu(concurrent, vcpu, Conduit.SMC, registers, memory));
        }

        private Judgement checked(Judgement judgement) {
            TestVerdicts.usable(judgement);
            TestVerdicts.raise(judgement.verdict(), judgement.reason() + (judgement.differences().isEmpty() ? ""
                    : ": " + String.join("; ", judgement.differences())) + judgement.check().map(check -> "\n"
                    + check.table()).orElse(""));
            return judgement;
        }

        /** Page {@code index} of this VM's scratch area; skips the test when its agent declares none or it is too small. */
        public long page(int index) {
            CallMemory.Window scratch = agent.scratchArea().orElseThrow(() ->
                    new TestAbortedException(id + "'s agent declares no scratch area for OP-TEE messages"));
            if ((long) (index + 1) * 4096 > scratch.length()) {
                throw new TestAbortedException(id + "'s scratch area has " + scratch.length() / 4096
                        + " pages; the test needs " + (index + 1));
            }
            return scratch.address() + (long) index * 4096;
        }

        /** A standard call of {@code message} placed at scratch page {@code page}, not started yet. */
        public OpteeCall call(org.fwcts.model.mediator.optee.OpteeMessage message, int page) {
            return new OpteeCall(this, page(page), message);
        }

        /** A standard call whose command buffer is at {@code address}, wherever that is. */
        public OpteeCall callAt(org.fwcts.model.mediator.optee.OpteeMessage message, long address) {
            return new OpteeCall(this, address, message);
        }

        OpteeCall resumeWaiting(StdCall waiting) {
            return OpteeCall.waiting(this, waiting);
        }

        /** The scratch page this VM lends OP-TEE for the RPC messages of thread {@code thread}. */
        long rpcPage(int thread) {
            return page(8 + thread);
        }

        @Override
        public String toString() {
            return "VM " + id;
        }
    }
}
