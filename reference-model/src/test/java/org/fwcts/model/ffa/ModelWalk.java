package org.fwcts.model.ffa;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.prediction.Prediction;

/**
 * Walks the SPMC model through a sequence of calls, answering each one as a conforming target
 * would, so tests can check the predictions of later calls in the state earlier ones left.
 */
public final class ModelWalk {
    private final SpmcModel model;
    private FfaState state;
    private Registers lastAnswer = Registers.zero();

    public ModelWalk(SpmcProfile profile, Topology topology) {
        this.model = new SpmcModel(profile, topology);
        this.state = model.freshBoot();
    }

    /** Makes a call with no TX contents and returns its single predicted outcome's registers. */
    public Prediction call(EndpointId caller, long... registers) {
        return call(new FfaCall(caller, Registers.of(registers), new byte[0])).registers();
    }

    /** Makes {@code call}; the walk continues from the primary outcome, answered as predicted. */
    public FfaPrediction call(FfaCall call) {
        FfaOutcome outcome = model.step(state, call);
        assertThat(outcome).as("prediction for %s", call).isInstanceOf(FfaOutcome.Predicted.class);
        FfaPrediction primary = ((FfaOutcome.Predicted) outcome).primary();
        lastAnswer = ConformingAnswer.registers(primary.registers(), call.registers());
        state = primary.after().given(lastAnswer);
        return primary;
    }

    /** The raw outcome of {@code call}, without advancing. */
    public FfaOutcome peek(FfaCall call) {
        return model.step(state, call);
    }

    public FfaState state() {
        return state;
    }

    public Registers lastAnswer() {
        return lastAnswer;
    }
}
