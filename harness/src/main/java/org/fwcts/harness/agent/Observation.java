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
     * within {@code waited}, or {@code cause} ended the wait early (the firmware reported a crash,
     * the partition the call waited on stopped): a verdict on the target when the model predicts
     * the call returns.
     */
    record NotReturned(java.time.Duration waited, java.util.Optional<String> cause) implements Observation {
        /** A call that was waited for until the deadline. */
        public NotReturned(java.time.Duration waited) {
            this(waited, java.util.Optional.empty());
        }

        /** What the target did, as a report says it. */
        public String describe() {
            return describe(waited, cause);
        }

        static String describe(java.time.Duration waited, java.util.Optional<String> cause) {
            return cause.map(why -> "did not return: " + why)
                    .orElseGet(() -> "did not return within " + AgentSession.seconds(waited) + " s");
        }
    }

    /**
     * Whether and how the call completed is unknown (no reply, a refused request): never a
     * pass or a fail, always a harness or target error.
     */
    record Indeterminate(String reason) implements Observation {
    }
}
