package org.fwcts.harness.explore;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.harness.partition.PartitionClient;
import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.harness.pipeline.CallPipeline;
import org.fwcts.harness.pipeline.ConcurrentAgentChannel;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Exchange;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.harness.pipeline.MemoryRegion;
import org.fwcts.harness.pipeline.Observed;
import org.fwcts.harness.session.BootAgents;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Step;
import org.fwcts.model.explore.mediator.GuestCall;
import org.fwcts.model.explore.mediator.GuestPing;
import org.fwcts.model.explore.mediator.GuestTogether;
import org.fwcts.model.explore.mediator.GuestView;
import org.fwcts.model.ffa.EndpointId;

/**
 * Issues the steps of guest VMs behind a hypervisor's mediator through the run's call pipeline:
 * a VM's SMC from its own agent (on the vCPU the step names, with guest memory written before and
 * read after), two SMCs released together on two vCPUs, and a VM's command to the partition agent
 * with its own direct requests. After every step the mediator generators' view follows the model.
 */
final class GuestSteps {
    private final CallPipeline pipeline;
    private final BootAgents agents;
    private final ExploreContext context;

    GuestSteps(CallPipeline pipeline, BootAgents agents, ExploreContext context) {
        this.pipeline = pipeline;
        this.agents = agents;
        this.context = context;
    }

    /** The judgements of {@code step}, in the order the pipeline judged them; one but for a step released together. */
    List<Judgement> issue(Step.Extension step) {
        if (step instanceof GuestCall call) {
            return List.of(call(call));
        }
        if (step instanceof GuestTogether together) {
            return pipeline.callTogether(concurrent(together.caller()), Conduit.SMC, together.onVcpu0(),
                    together.onVcpu1());
        }
        if (step instanceof GuestPing ping) {
            return List.of(ping(ping));
        }
        throw new IllegalArgumentException("not a guest step: " + step);
    }

    /** Whether {@code step} is one of the guest VMs' steps this class issues. */
    static boolean issues(Step step) {
        return step instanceof GuestCall || step instanceof GuestTogether || step instanceof GuestPing;
    }

    /** The view follows the model; the normal world's direct requests reach the partitions once its version is agreed. */
    void follow() {
        GuestView view = GuestView.of(context);
        view.follow(pipeline.state().mediator(), pipeline.state().optee());
        context.agreedThroughMediator(view.vm(context.normalWorld()).agreed());
    }

    private Judgement call(GuestCall call) {
        AgentChannel agent = agent(call.caller());
        List<MemoryRegion> writes = call.writes().stream().map(w -> new MemoryRegion(w.address(), w.bytes())).toList();
        List<CallMemory.Window> reads = call.reads().stream().map(r -> new CallMemory.Window(r.address(), r.length()))
                .toList();
        CallMemory memory = new CallMemory(writes, reads);
        if (call.vcpu() != 0) {
            return pipeline.callOnVcpu(concurrent(call.caller()), call.vcpu(), Conduit.SMC, call.registers(), memory);
        }
        return pipeline.call(agent, Conduit.SMC, call.registers(), call.tx(), memory);
    }

    private Judgement ping(GuestPing ping) {
        PartitionClient client = agents.partition(agent(ping.caller()), ping.partition(), DirectMessageKind.REQ_64);
        try {
            Exchange exchange = client.command(PartitionCommand.PING, 0, 0, 0, ping.payload());
            Observed observed = new Observed(new Observation.Completed(exchange.response()), Optional.empty(),
                    List.of(exchange), -1);
            return pipeline.carried(ping.partition(), exchange.request(), observed);
        } catch (PartitionClient.Refused refused) {
            Observed observed = new Observed(new Observation.Indeterminate(refused.getMessage()), Optional.empty(),
                    refused.exchanges(), -1);
            return pipeline.carried(ping.partition(), Registers.zero(), observed);
        }
    }

    private AgentChannel agent(EndpointId vm) {
        return agents.agent(vm).orElseThrow(() -> new IllegalStateException("the target gives guest " + vm
                + " no agent"));
    }

    private ConcurrentAgentChannel concurrent(EndpointId vm) {
        if (agent(vm) instanceof ConcurrentAgentChannel concurrent) {
            return concurrent;
        }
        throw new IllegalStateException(vm + "'s agent cannot make calls on its second vCPU");
    }

    /** The judgement that decides a step of several: the first that did not pass, else the last. */
    static Judgement deciding(List<Judgement> judgements) {
        return judgements.stream().filter(j -> j.verdict() != Verdict.PASS).findFirst()
                .orElse(judgements.get(judgements.size() - 1));
    }
}
