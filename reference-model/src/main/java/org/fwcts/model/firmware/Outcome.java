package org.fwcts.model.firmware;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.prediction.Prediction;

/**
 * What the whole model says about one call from any endpoint: the outcomes the rules allow, a
 * hand-over of control to another endpoint, or the reason it has no prediction. Every ABI family
 * (the Arm Architecture Calls, PSCI, FF-A) answers through this one type.
 */
public sealed interface Outcome {

    /**
     * The model predicts the call's results.
     *
     * @param alternatives every outcome the rules allow, the most likely first (usually one)
     */
    record Predicted(List<Expected> alternatives) implements Outcome {
        public Predicted {
            alternatives = List.copyOf(alternatives);
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("a prediction needs at least one outcome");
            }
        }

        /** The outcome reports show first. */
        public Expected primary() {
            return alternatives.get(0);
        }

        /** The most RX bytes any allowed outcome says the call writes: what the harness reads back. */
        public int rxLength() {
            int length = 0;
            for (Expected alternative : alternatives) {
                length = Math.max(length, alternative.rx().filter(rx -> !(rx instanceof ReadBack))
                        .map(rx -> rx.encode().length).orElse(0));
            }
            return length;
        }

        /**
         * Matches what the target returned against the allowed outcomes.
         *
         * @param observedRx the caller's RX buffer after the call, when the harness read it
         */
        public Match match(Registers observed, Optional<byte[]> observedRx) {
            return match(observed, observedRx, org.fwcts.model.HostMemory.NONE);
        }

        /** As {@link #match(Registers, Optional)}, with the caller's memory read back after the call. */
        public Match match(Registers observed, Optional<byte[]> observedRx, org.fwcts.model.HostMemory readBack) {
            for (Expected alternative : alternatives) {
                if (alternative.differences(observed, observedRx, readBack).isEmpty()) {
                    return new Match.Consistent(alternative, alternative.next(observed, readBack));
                }
            }
            return new Match.Contradicted(primary(), primary().differences(observed, observedRx, readBack));
        }
    }

    /**
     * The call does not return to its caller yet: control passes to {@code receiver} (a direct
     * request reaching a partition, its response reaching the requester). The continuation is
     * data: the state after the hand-over and what the receiver must find in its registers.
     */
    record Forwarded(ModelState next, EndpointId receiver, Prediction receiverSees) implements Outcome {
    }

    /** The call is outside what the model covers for this profile; the state is unchanged. */
    record Unmodelled(ModelState state, String reason) implements Outcome {
    }

    /** How an observation relates to a prediction. */
    sealed interface Match {

        /** The observation is one the rules allow; the model continues from {@code next}. */
        record Consistent(Expected matched, ModelState next) implements Match {
        }

        /** The observation contradicts every allowed outcome: the model no longer knows the target's state. */
        record Contradicted(Expected expected, List<String> differences) implements Match {
        }
    }
}
