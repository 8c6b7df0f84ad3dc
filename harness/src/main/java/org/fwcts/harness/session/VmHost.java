package org.fwcts.harness.session;

import java.util.Map;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.model.ffa.EndpointId;

/**
 * A running target whose normal world is guest VMs under a hypervisor, each with its own agent.
 * The run puts these channels in the boot's {@link AgentDirectory}, where tests find them by
 * endpoint ({@link AgentDirectory#vms()}).
 */
public interface VmHost {

    /** Each VM's agent by its FF-A endpoint ID, once the target has booted. */
    Map<EndpointId, AgentChannel> vmAgents();
}
