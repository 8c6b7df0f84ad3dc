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
     * The agent made the call (its call marker arrived) and the firmware did not return from it
     * within {@code waited}: a verdict on the target when the model predicts the call returns.
     */
    record NotReturned(java.time.Duration waited) implements Observation {
        /** What the target did, as a report says it. */
        public String describe() {
            return "did not return within " + org.fwcts.harness.agent.AgentSession.seconds(waited) + " s";
        }
    }

    /**
     * Whether and how the call completed is unknown (no reply, a refused request): never a
     * pass or a fail, always a harness or target error.
     */
    record Indeterminate(String reason) implements Observation {
    }
}
