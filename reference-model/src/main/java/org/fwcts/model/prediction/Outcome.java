package org.fwcts.model.prediction;

import org.fwcts.model.ModelState;

/** What one model step yields: a prediction and the state after it, or a reason it has none. */
public sealed interface Outcome {

    ModelState next();

    /** The model predicts the call's results. */
    record Predicted(ModelState next, Prediction prediction) implements Outcome {
    }

    /**
     * The call falls outside what the model covers for this profile; the state is unchanged.
     * A test that needs a prediction treats this as a harness error, never as a pass.
     */
    record Unmodelled(ModelState next, String reason) implements Outcome {
    }
}
