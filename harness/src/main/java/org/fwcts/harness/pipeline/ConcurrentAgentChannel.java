package org.fwcts.harness.pipeline;

import java.util.List;
import org.fwcts.model.Registers;

/**
 * An agent with two vCPUs that can release two calls together, one on each, so a race in the
 * firmware or hypervisor between them can be driven on purpose and repeated. Which call the
 * firmware serves first is not known; the pipeline accepts either order.
 */
public interface ConcurrentAgentChannel extends AgentChannel {

    /**
     * Makes {@code onVcpu0} on the agent's first vCPU and {@code onVcpu1} on its second, both
     * released by one start signal, and returns what each saw: element 0 for vCPU 0, element 1
     * for vCPU 1. Neither call carries TX bytes or reads RX back.
     */
    List<Observed> invokeTogether(Conduit conduit, Registers onVcpu0, Registers onVcpu1);
}
