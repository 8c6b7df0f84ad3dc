package org.fwcts.model.ffa.spmc;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.prediction.Prediction;

/** What one FF-A model step yields: the outcomes the rules allow, or the reason there is no prediction. */
public sealed interface FfaOutcome {

    /**
     * The outcomes the spec and the profile allow. Usually one; where the spec permits several
     * (a choice left to the implementation that the profile does not fix) there are more, the
     * most likely first.
     */
    record Predicted(List<FfaPrediction> alternatives) implements FfaOutcome {
        public Predicted {
            alternatives = List.copyOf(alternatives);
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("a prediction needs at least one outcome");
            }
        }

        public static Predicted of(FfaPrediction only) {
            return new Predicted(List.of(only));
        }

        /** The outcome reports show first. */
        public FfaPrediction primary() {
            return alternatives.get(0);
        }

        /**
         * Matches what the target returned against the allowed outcomes and advances the state.
         *
         * @param observedRx the caller's RX buffer after the call, when the harness read it
         */
        public Match match(Registers observed, Optional<byte[]> observedRx) {
            for (FfaPrediction alternative : alternatives) {
                if (alternative.differences(observed, observedRx).isEmpty()) {
                    return new Match.Consistent(alternative, alternative.after().given(observed));
                }
            }
            return new Match.Contradicted(primary(), primary().differences(observed, observedRx));
        }
    }

    /**
     * The call does not return to its caller yet: the SPMC passes control to another endpoint
     * (a direct request reaching its receiver, a direct response reaching the requester, FFA_RUN).
     * The caller's results come with a later step, when control comes back.
     *
     * @param next the state after the hand-over
     * @param receiver the endpoint that now runs
     * @param receiverSees what the receiver finds in x0–x17 when it resumes
     */
    record Forwarded(FfaState next, EndpointId receiver, Prediction receiverSees) implements FfaOutcome {
    }

    /** The call is outside what the model covers for this profile; the state is unchanged. */
    record Unmodelled(FfaState state, String reason) implements FfaOutcome {
    }

    /** How an observation relates to a prediction. */
    sealed interface Match {

        /** The observation is one the rules allow; the model continues from {@code next}. */
        record Consistent(FfaPrediction matched, FfaState next) implements Match {
        }

        /**
         * The observation contradicts every allowed outcome: the model no longer knows the
         * target's state and refuses to continue from it.
         */
        record Contradicted(FfaPrediction expected, List<String> differences) implements Match {
        }
    }
}
