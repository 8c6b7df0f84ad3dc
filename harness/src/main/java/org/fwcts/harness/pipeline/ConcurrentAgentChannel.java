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

    /**
     * Makes one call on vCPU {@code vcpu} (0 or 1) of the agent's VM, writing {@code memory}'s
     * regions before it and reading its windows back after it, from whichever vCPU wrote them:
     * guest memory is shared by the VM's vCPUs. It carries no TX bytes and reads no RX back. Used
     * where the vCPU matters to the hypervisor (an OP-TEE RPC resumed on the other vCPU). An agent
     * without a way to reach its second vCPU makes vCPU 0's calls only and reports the others as not
     * made.
     */
    default Observed invokeOnVcpu(int vcpu, Conduit conduit, Registers call, CallMemory memory) {
        if (vcpu == 0) {
            return invoke(conduit, call, new byte[0], 0, memory);
        }
        return Observed.direct(new org.fwcts.harness.agent.Observation.Indeterminate(
                "agent " + endpoint() + " cannot make a call on vCPU " + vcpu), java.util.Optional.empty());
    }
}
