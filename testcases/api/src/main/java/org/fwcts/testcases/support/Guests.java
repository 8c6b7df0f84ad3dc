package org.fwcts.testcases.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.harness.partition.PartitionClient;
import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.pipeline.ConcurrentAgentChannel;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Exchange;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.harness.pipeline.Observed;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.mediator.MediatorSetup;
import org.fwcts.model.mediator.MediatorState;
import org.fwcts.model.mediator.VmEndpoint;
import org.fwcts.model.mediator.VmState;
import org.opentest4j.TestAbortedException;

/**
 * The guest VMs of a target with a hypervisor's FF-A mediator, as tests see them: each VM's agent
 * from the boot's directory, its calls made, recorded and judged through the run's pipeline. A
 * test that needs what the target does not have (a mediator, a second VM, VM-to-VM, two vCPUs)
 * is skipped with the reason.
 */
public final class Guests {
    private final FfaFirmware ffa;
    private final MediatorSetup setup;
    private final List<EndpointId> ids;

    private Guests(FfaFirmware ffa, MediatorSetup setup, List<EndpointId> ids) {
        this.ffa = ffa;
        this.setup = setup;
        this.ids = List.copyOf(ids);
    }

    /** The guests of the current boot; skips the test when the target runs no VMs behind a mediator. */
    public static Guests of(FfaFirmware ffa) {
        MediatorSetup setup = ffa.firmware().model().mediator().map(m -> m.setup()).orElseThrow(() ->
                new TestAbortedException("profile " + ffa.firmware().profile().name() + " has no hypervisor FF-A mediator"));
        List<EndpointId> ids = ffa.firmware().agents().vms();
        if (ids.isEmpty()) {
            throw new TestAbortedException("the target gives no agent to any guest VM");
        }
        return new Guests(ffa, setup, ids);
    }

    /** The VMs with an agent, ordered by endpoint ID. */
    public List<EndpointId> ids() {
        return ids;
    }

    /** The VMs with an agent and the mediator attached; skips the test when there is none. */
    public List<Guest> attached() {
        List<Guest> guests = new ArrayList<>();
        List<String> detached = new ArrayList<>();
        for (EndpointId id : ids) {
            Optional<VmEndpoint> vm = setup.vm(id);
            if (vm.isPresent() && vm.get().mediatorAttached()) {
                guests.add(guest(id));
            } else {
                detached.add(id.toString());
            }
        }
        if (guests.isEmpty()) {
            throw new TestAbortedException("mediator not attached to any VM with an agent (" + String.join(", ", detached)
                    + "): the Xen under test gives dom0less guests no FF-A mediator");
        }
        return guests;
    }

    /** At least {@code count} attached VMs; skips the test, saying how many there are, otherwise. */
    public List<Guest> atLeast(int count) {
        List<Guest> guests = attached();
        if (guests.size() < count) {
            throw new TestAbortedException("needs " + count + " VMs with the FF-A mediator; the target has "
                    + guests.size());
        }
        return guests;
    }

    /** Skips the test unless the mediator lists VMs to each other (CONFIG_FFA_VM_TO_VM). */
    public void requireVmToVm() {
        if (!setup.vmToVm()) {
            throw new TestAbortedException("the mediator lists no VMs to each other (Xen " + setup.choices().release()
                    + " without CONFIG_FFA_VM_TO_VM)");
        }
    }

    public MediatorSetup setup() {
        return setup;
    }

    /** The model's view of the mediator on this boot, as of the last call it followed. */
    public MediatorState state() {
        return ffa.firmware().model().mediatorState(ffa.pipeline().state());
    }

    /** The VM {@code id}, with or without the mediator. */
    public Guest any(EndpointId id) {
        return guest(id);
    }

    Guest guest(EndpointId id) {
        return new Guest(id, ffa.firmware().agents().agent(id).orElseThrow());
    }

    /** One VM: its calls go through the run's pipeline as that VM's. */
    public final class Guest {
        private final EndpointId id;
        private final AgentChannel agent;

        Guest(EndpointId id, AgentChannel agent) {
            this.id = id;
            this.agent = agent;
        }

        public EndpointId id() {
            return id;
        }

        /** Makes {@code registers} with SMC as this VM; a call the model cannot predict skips the test. */
        public FfaCheck call(Registers registers) {
            ffa.refuseIfGivenUp(id);
            return new FfaCheck(TestVerdicts.usable(ffa.pipeline().call(agent, Conduit.SMC, registers, new byte[0])));
        }

        /** Writes {@code tx} to this VM's TX buffer, then makes {@code registers} as this VM. */
        public FfaCheck call(Registers registers, byte[] tx) {
            ffa.refuseIfGivenUp(id);
            return new FfaCheck(TestVerdicts.usable(ffa.pipeline().call(agent, Conduit.SMC, registers, tx)));
        }

        /** Makes {@code registers} as this VM and checks it against the model. */
        public FfaCheck checked(Registers registers) {
            FfaCheck check = call(registers);
            CallAssert.assertThatCall(check).matchesModel();
            return check;
        }

        public FfaCheck checked(long... registers) {
            return checked(Registers.of(registers));
        }

        /**
         * Releases {@code onVcpu0} and {@code onVcpu1} together on two vCPUs of this VM; skips the
         * test when the VM's agent cannot.
         */
        public List<FfaCheck> together(Registers onVcpu0, Registers onVcpu1) {
            if (!(agent instanceof ConcurrentAgentChannel concurrent)) {
                throw new TestAbortedException(id + "'s agent cannot release calls on two vCPUs together");
            }
            ffa.refuseIfGivenUp(id);
            List<FfaCheck> checks = new ArrayList<>();
            for (Judgement judgement : ffa.pipeline().callTogether(concurrent, Conduit.SMC, onVcpu0, onVcpu1)) {
                checks.add(new FfaCheck(TestVerdicts.usable(judgement)));
            }
            return checks;
        }

        /** This VM's state in the mediator, as the model follows it. */
        public VmState state() {
            return Guests.this.state().vm(id);
        }

        /**
         * Agrees {@code minor} (1.minor) unless a version is in force, fixes it with a first other
         * call (FFA_FEATURES(FFA_VERSION), never FFA_ID_GET, so that an ID is only checked where a
         * test asks for it), maps the scratch pages 0 and 1 as TX and RX in this VM's own memory,
         * and releases its RX buffer if it owns it; each call checked.
         */
        public Guest ready(int minor) {
            if (!state().agreed()) {
                checked(FfaFunction.FFA_VERSION.x0(), 0x1_0000L | minor);
                checked(FfaFunction.FFA_FEATURES.x0(), FfaFunction.FFA_VERSION.x0());
            }
            if (state().mailbox().isEmpty()) {
                checked(FfaFunction.FFA_RXTX_MAP.x0Smc64(), ffa.txAddress(), ffa.rxAddress(), 1);
            }
            if (!state().mailbox().get().rxFree()) {
                checked(FfaFunction.FFA_RX_RELEASE.x0());
            }
            return this;
        }

        /** One command to the agent in partition {@code sp}, sent with this VM's direct requests and checked. */
        public PartitionExchange command(EndpointId sp, PartitionCommand command, long... args) {
            ffa.refuseIfGivenUp(sp);
            PartitionClient client = ffa.firmware().agents().partition(agent, sp, DirectMessageKind.REQ_64);
            Exchange exchange;
            try {
                exchange = client.command(command, 0, 0, 0, args);
            } catch (PartitionClient.Refused refused) {
                Observed observed = new Observed(new Observation.Indeterminate(refused.getMessage()), Optional.empty(),
                        refused.exchanges(), -1);
                Judgement judgement = ffa.pipeline().carried(sp, Registers.zero(), observed);
                throw new TargetUnresponsiveException(judgement.reason());
            }
            Observed observed = new Observed(new Observation.Completed(exchange.response()), Optional.empty(),
                    List.of(exchange), -1);
            Judgement judgement = ffa.pipeline().carried(sp, exchange.request(), observed);
            TestVerdicts.raise(judgement.verdict(), judgement.reason());
            return new PartitionExchange(exchange.request(), exchange.response(), client.kind().payload(exchange.response()));
        }

        @Override
        public String toString() {
            return "VM " + id;
        }
    }
}
