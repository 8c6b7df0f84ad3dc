package org.fwcts.model.mediator.optee;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.prediction.Prediction;

/** What the mediator and OP-TEE do with one guest SMC: the outcomes allowed, or why there is no prediction. */
public sealed interface OpteeOutcome {

    /** The outcomes allowed, the one a conforming simulation plays first. */
    record Predicted(List<Alternative> alternatives) implements OpteeOutcome {
        public Predicted {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** The model does not cover the call. */
    record Unmodelled(String reason) implements OpteeOutcome {
    }

    /**
     * One allowed outcome.
     *
     * @param registers the guest's result registers
     * @param buffer the guest's command buffer after the call, when the call writes or keeps it
     * @param after the state given the results and the buffer as read back
     */
    record Alternative(Prediction registers, Optional<ArgBuffer> buffer, After after) {
    }

    /** The state after a call as a function of what the guest saw. */
    @FunctionalInterface
    interface After {
        OpteeState given(Registers observed, Optional<byte[]> buffer);
    }
}
