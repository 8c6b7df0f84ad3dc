package org.fwcts.model.ffa.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.prediction.Prediction;

/** Checks on calls that pass control on: who runs next, and what it finds in its registers. */
final class ForwardAssert {

    private ForwardAssert() {
    }

    /** The call passed control to {@code receiver}; returns what the receiver sees. */
    static Prediction assertForwardedTo(FfaOutcome outcome, EndpointId receiver) {
        assertThat(outcome).as("the call passes control on").isInstanceOf(FfaOutcome.Forwarded.class);
        FfaOutcome.Forwarded forwarded = (FfaOutcome.Forwarded) outcome;
        assertThat(forwarded.receiver()).as("the endpoint that runs next").isEqualTo(receiver);
        return forwarded.receiverSees();
    }

    /** w0 (and any other listed register pairs: index, value) as the receiver finds them. */
    static void assertSees(Prediction sees, long... indexValuePairs) {
        for (int i = 0; i < indexValuePairs.length; i += 2) {
            assertRegister(sees, (int) indexValuePairs[i], indexValuePairs[i + 1]);
        }
    }

    /** The spec does not say what register {@code index} holds. */
    static void assertUndefined(Prediction sees, int index) {
        assertThat(sees.register(index).admits(0) && sees.register(index).admits(0xDEAD_BEEF_CAFE_F00DL))
                .as("x%d is not defined (%s)", index, sees.register(index).describe()).isTrue();
    }

    /** The call was refused with FFA_ERROR({@code code}) to its caller. */
    static void assertRefused(FfaOutcome outcome, long code) {
        assertThat(outcome).as("the call returns to its caller").isInstanceOf(FfaOutcome.Predicted.class);
        org.fwcts.model.ffa.PredictionAssert.assertError(((FfaOutcome.Predicted) outcome).primary().registers(), code);
    }
}
