package org.fwcts.model.rmm;

import org.fwcts.model.prediction.Prediction;

/** What the RMM model says about one call: the predicted results and the state after, or why it has none. */
public sealed interface RmmOutcome {

    record Answered(Prediction prediction, RmmState next) implements RmmOutcome {
    }

    record Unmodelled(String reason) implements RmmOutcome {
    }
}
