package org.fwcts.model.profile;

import java.util.List;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.Uuid;

/** The FF-A deployments FWCTS boots: its normal-world agent, and its secure-partition agent where configured. */
public final class AgentTopologies {
    /** The protocol UUID the FWCTS secure-partition agent's manifest declares. */
    public static final Uuid SP_AGENT_UUID = Uuid.parse("3f2f9d6a-8c41-4b7e-9a35-0d1c2b4e6f70");
    /** The ID the SPMCs FWCTS knows give the first (here, only) secure partition. */
    public static final EndpointId SP_AGENT_ID = EndpointId.of(0x8001);

    private AgentTopologies() {
    }

    /**
     * The normal-world agent as endpoint 0 (no hypervisor) and one FWCTS secure-partition agent
     * with {@code executionContexts} contexts, as its manifest (firmware-images/sp-agent) declares
     * it: receiving and sending direct requests, receiving DIRECT_REQ2, AArch64 (properties 0x303).
     */
    public static Topology normalWorldAndOnePartition(int executionContexts) {
        Partition agent = new Partition(SP_AGENT_ID, List.of(SP_AGENT_UUID), executionContexts,
                Partition.RECEIVES_DIRECT_REQ | Partition.SENDS_DIRECT_REQ | Partition.AARCH64
                        | Partition.RECEIVES_DIRECT_REQ2, SpecVersion.of(1, 2));
        return new Topology(List.of(EndpointId.HYPERVISOR), List.of(agent), List.of());
    }
}
