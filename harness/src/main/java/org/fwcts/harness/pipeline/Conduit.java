package org.fwcts.harness.pipeline;

/** How a call reaches the firmware from the agent that makes it. */
public enum Conduit {
    /** The agent's own SMC instruction. */
    SMC,
    /** The agent's own HVC instruction. */
    HVC,
    /**
     * A partition's call, staged and issued through direct requests from the normal-world agent
     * (firmware-images/sp-agent/PROTOCOL.md); a command to the partition agent when it carries no call.
     */
    DIRECT_REQUEST,
    /**
     * A realm agent's command (an RSI call, an access), carried into the realm by the host's
     * RMI_REC_ENTER; what comes back is the REC exit (org.fwcts.model.rmm.RealmCall).
     */
    REC_ENTER
}
