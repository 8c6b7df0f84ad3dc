package org.fwcts.harness.session;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.model.ffa.EndpointId;

/**
 * The agents of one boot, addressed by endpoint: the normal-world agent, the partitions' agents
 * (reached through it), and later realm and VM agents. Each has its own channel; several may share
 * one console through a {@link org.fwcts.harness.console.ConsoleDemultiplexer}.
 */
public interface AgentDirectory {

    /** Every endpoint that has an agent on this boot. */
    Set<EndpointId> endpoints();

    /** The agent calling as {@code endpoint}, if there is one. */
    Optional<AgentChannel> agent(EndpointId endpoint);

    /**
     * The guest VMs of this boot that have an agent, by FF-A endpoint ID (Xen: domain ID + 1),
     * ordered by ID; empty when the target runs no VMs. Each VM's channel is {@link #agent}; a VM
     * with two vCPUs may offer a {@link org.fwcts.harness.pipeline.ConcurrentAgentChannel}.
     */
    default List<EndpointId> vms() {
        return List.of();
    }
}
