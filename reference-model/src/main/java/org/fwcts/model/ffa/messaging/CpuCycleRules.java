package org.fwcts.model.ffa.messaging;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/**
 * Rules of CPU-cycle management (DEN0077A, "CPU cycle management", "Partition runtime models")
 * that predictions of FFA_MSG_WAIT, FFA_RUN, FFA_YIELD and FFA_INTERRUPT cite.
 */
public final class CpuCycleRules {
    private static final String WAIT = "FFA_MSG_WAIT";
    private static final String RUN = "FFA_RUN";
    private static final String YIELD = "FFA_YIELD";

    public static final Rule NOT_RUNNING = new Rule("FFA.RTM.NOT_RUNNING", DOC, "Partition runtime models",
            "A partition hands over cycles only from an execution context that is running; a call its runtime"
                    + " model does not allow is DENIED.");
    public static final Rule RESERVED_MBZ = new Rule("FFA.RTM.RESERVED_MBZ", DOC, "Partition runtime models",
            "Reserved argument registers of FFA_MSG_WAIT, FFA_YIELD, FFA_RUN and DIRECT_RESP (x8–x17 for v1.2"
                    + " callers) must be zero; an SPMC may refuse non-zero ones with INVALID_PARAMETERS.");
    public static final Rule SECURE_ONLY = new Rule("FFA.RTM.SECURE_ONLY", DOC, "CPU cycle management",
            "FFA_MSG_WAIT, FFA_YIELD and FFA_INTERRUPT are partitions' calls; from the normal world TF-A's SPMD"
                    + " answers NOT_SUPPORTED before any SPMC sees them.");
    public static final Rule WAIT_RETURNS = new Rule("FFA.MSG_WAIT.RETURNS", DOC, WAIT,
            "FFA_MSG_WAIT from a context running cycles given by FFA_RUN makes it wait and returns control to"
                    + " the endpoint that ran it, which sees FFA_MSG_WAIT in w0.");
    public static final Rule WAIT_IN_REQUEST = new Rule("FFA.MSG_WAIT.IN_REQUEST", DOC, WAIT,
            "A context handling a direct request must answer it; FFA_MSG_WAIT there is DENIED.");
    public static final Rule WAIT_RELEASES_RX = new Rule("FFA.MSG_WAIT.RX_RELEASE", DOC, WAIT,
            "FFA_MSG_WAIT also releases the caller's RX buffer to the producer, unless a v1.2 caller sets w2"
                    + " bit 0 (retain RX ownership).");
    public static final Rule RUN_RESUMES = new Rule("FFA.RUN.RESUMES", DOC, RUN,
            "FFA_RUN gives cycles to the execution context w1 names (partition ID in [31:16], vCPU in [15:0]): a"
                    + " waiting one starts running (it sees FFA_RUN), a blocked one resumes where it yielded (it"
                    + " sees FFA_SUCCESS).");
    public static final Rule RUN_TARGET = new Rule("FFA.RUN.TARGET", DOC, RUN,
            "The target must be a partition of the system; an unknown ID is INVALID_PARAMETERS.");
    public static final Rule RUN_NORMAL_WORLD = new Rule("FFA.RUN.NORMAL_WORLD_TARGET", DOC, RUN,
            "FFA_RUN cannot run a normal-world endpoint.");
    public static final Rule RUN_VCPU = new Rule("FFA.RUN.VCPU", DOC, RUN,
            "The vCPU must be the target's context for the calling core (0 on the primary core);"
                    + " otherwise INVALID_PARAMETERS.");
    public static final Rule RUN_BUSY = new Rule("FFA.RUN.BUSY", DOC, RUN,
            "An execution context that is already running cannot be run again: BUSY.");
    public static final Rule RUN_FROM_PARTITION = new Rule("FFA.RUN.FROM_PARTITION", DOC, RUN,
            "A partition may run only another partition's context that is blocked or preempted.");
    public static final Rule YIELD_RETURNS = new Rule("FFA.YIELD.RETURNS", DOC, YIELD,
            "FFA_YIELD blocks the running context and returns control to whoever gave it cycles, which sees"
                    + " FFA_YIELD with w1 = partition ID << 16 | vCPU and the timeout in w2/w3.");
    public static final Rule INTERRUPT_CALL = new Rule("FFA.INTERRUPT.CALL", DOC, "FFA_INTERRUPT",
            "FFA_INTERRUPT is what the SPMC returns to an interrupted endpoint; an endpoint calling it is refused.");

    private CpuCycleRules() {
    }
}
