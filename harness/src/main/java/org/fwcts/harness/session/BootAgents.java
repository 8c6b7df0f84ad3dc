package org.fwcts.harness.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.harness.partition.PartitionClient;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.pipeline.NormalWorldAgent;
import org.fwcts.model.ffa.EndpointId;

/**
 * The agents of one boot as the targets of today have them: the normal-world agent on the
 * agent console, and a partition agent in each secure partition of the topology, reached through
 * direct requests from the normal world (DIRECT_REQ, 64-bit, which every partition accepts).
 */
public final class BootAgents implements AgentDirectory {
    private final NormalWorldAgent normalWorld;
    private final Map<EndpointId, AgentChannel> agents = new LinkedHashMap<>();

    private final List<EndpointId> vms = new ArrayList<>();
    private final EndpointHealth health;
    private final int boot;

    /** The agents of boot number {@code boot}; partition requests record their answers in {@code health}. */
    public BootAgents(NormalWorldAgent normalWorld, Iterable<EndpointId> partitions, EndpointHealth health, int boot) {
        this.normalWorld = normalWorld;
        this.health = health;
        this.boot = boot;
        agents.put(normalWorld.endpoint(), normalWorld);
        for (EndpointId partition : partitions) {
            agents.put(partition, partition(partition, DirectMessageKind.REQ_64));
        }
    }

    /**
     * The agents of a boot whose normal world is guest VMs: each VM's channel replaces any other
     * agent of the same endpoint (the normal-world agent is the first VM's console).
     */
    public BootAgents withVms(Map<EndpointId, ? extends AgentChannel> vmAgents) {
        for (Map.Entry<EndpointId, ? extends AgentChannel> vm : vmAgents.entrySet()) {
            agents.put(vm.getKey(), vm.getValue());
            vms.add(vm.getKey());
        }
        vms.sort(null);
        return this;
    }

    @Override
    public List<EndpointId> vms() {
        return List.copyOf(vms);
    }

    /** The agent in {@code partition} as {@code requester} speaks to it: a VM's direct requests go through its own channel. */
    public PartitionClient partition(AgentChannel requester, EndpointId partition, DirectMessageKind kind) {
        return new PartitionClient(requester, partition, kind, health, boot);
    }

    public NormalWorldAgent normalWorld() {
        return normalWorld;
    }

    /** The agent in {@code partition}, spoken to with the direct-message form {@code kind}. */
    public PartitionClient partition(EndpointId partition, DirectMessageKind kind) {
        return new PartitionClient(normalWorld.session(), normalWorld.endpoint(), partition, kind, health, boot);
    }

    @Override
    public Set<EndpointId> endpoints() {
        return Set.copyOf(agents.keySet());
    }

    @Override
    public Optional<AgentChannel> agent(EndpointId endpoint) {
        return Optional.ofNullable(agents.get(endpoint));
    }
}
