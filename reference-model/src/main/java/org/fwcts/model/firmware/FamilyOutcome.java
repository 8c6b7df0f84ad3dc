package org.fwcts.model.firmware;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.prediction.Prediction;

/** What one model step yields: the predictions it allows and how the state follows, or a reason it has none. */
public sealed interface FamilyOutcome {

    /**
     * The model predicts the call's results.
     *
     * @param alternatives every outcome the rules allow, the most likely first (usually one)
     * @param continuation the state after the call, given what the target returned
     */
    record Predicted(List<Prediction> alternatives, Continuation continuation) implements FamilyOutcome {
        public Predicted {
            alternatives = List.copyOf(alternatives);
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("a prediction needs at least one outcome");
            }
        }

        /** One outcome, followed by {@code next} whatever the results. */
        public static Predicted fixed(ModelState next, Prediction prediction) {
            return new Predicted(List.of(prediction), observed -> Optional.of(next));
        }

        /** The outcome reports show first. */
        public Prediction prediction() {
            return alternatives.get(0);
        }

        /** The state after the call given {@code observed}; empty when no alternative admits it. */
        public Optional<ModelState> after(Registers observed) {
            return continuation.after(observed);
        }
    }

    /**
     * The call falls outside what the model covers for this profile; the state is unchanged.
     * A test that needs a prediction treats this as a harness error, never as a pass.
     */
    record Unmodelled(ModelState next, String reason) implements FamilyOutcome {
    }

    /** The state after a call as a function of the observed results. */
    @FunctionalInterface
    interface Continuation {
        Optional<ModelState> after(Registers observed);
    }
}
