package org.fwcts.harness.pipeline;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;

/**
 * An agent addressed by its endpoint: it makes calls and reports what it saw, and judges nothing.
 * A normal-world agent uses its own SMC or HVC; a partition's agent is reached through direct
 * requests; realm and VM agents will be further kinds.
 */
public interface AgentChannel {

    /** The endpoint the agent calls as. */
    EndpointId endpoint();

    /**
     * Makes one call.
     *
     * @param tx the bytes to place in the agent's TX buffer first (empty: leave it)
     * @param rxLength how many bytes of the agent's RX buffer to read back after a completed call (0: none)
     */
    Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength);

    /**
     * Makes one call that also writes normal-world memory before it and reads some back after it.
     * An agent that cannot reach memory that way reports the call as not made.
     */
    default Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength, CallMemory memory) {
        if (memory.isEmpty()) {
            return invoke(conduit, call, tx, rxLength);
        }
        return Observed.direct(new org.fwcts.harness.agent.Observation.Indeterminate(
                "agent " + endpoint() + " cannot write or read memory around a call"), java.util.Optional.empty());
    }

    /**
     * The memory the agent leaves to its caller for what a call passes by address (an OP-TEE
     * message, the buffers handed out for RPCs): its address as the agent sees it (a VM's IPA) and
     * its length. Empty for an agent that declares none; callers never guess one.
     */
    default java.util.Optional<CallMemory.Window> scratchArea() {
        return java.util.Optional.empty();
    }
}
