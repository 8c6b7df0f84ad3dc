package org.fwcts.harness.agent;

import org.fwcts.model.Registers;

/** What was observed when the agent issued one SMC or HVC. */
public sealed interface Observation {

    /** The call returned; these are x0–x17 after it. */
    record Completed(Registers registers) implements Observation {
    }

    /** The call instruction itself raised an exception at the agent's level. */
    record Faulted(ExceptionReport exception) implements Observation {
    }

    /**
     * Whether and how the call completed is unknown (no reply, a refused request): never a
     * pass or a fail, always a harness or target error.
     */
    record Indeterminate(String reason) implements Observation {
    }
}
