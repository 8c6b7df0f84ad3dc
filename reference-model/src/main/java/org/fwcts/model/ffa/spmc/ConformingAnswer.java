package org.fwcts.model.ffa.spmc;

import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;

/**
 * One answer a conforming implementation could give to a predicted call: the registers and RX
 * bytes that the prediction admits. Used where the model itself plays the target (the simulated
 * target, and tests that walk through states).
 *
 * <p>Registers the prediction leaves open get the value the prediction suggests, or zero.
 */
public final class ConformingAnswer {

    private ConformingAnswer() {
    }

    /** The result registers: exact values, preserved inputs, and suggestions or zero elsewhere. */
    public static Registers registers(Prediction prediction, Registers call) {
        long[] values = new long[Registers.COUNT];
        for (int i = 0; i < Registers.COUNT; i++) {
            RegisterPrediction predicted = prediction.register(i);
            if (predicted instanceof RegisterPrediction.Exact exact) {
                values[i] = exact.value() & exact.mask();
            } else if (predicted instanceof RegisterPrediction.Preserved) {
                values[i] = call.x(i);
            } else if (predicted instanceof RegisterPrediction.Chosen chosen) {
                values[i] = chosen.suggestion();
            }
        }
        return Registers.of(values);
    }

    /** The RX buffer contents the prediction says the call writes, if any. */
    public static Optional<byte[]> rx(FfaPrediction prediction) {
        return prediction.rx().map(RxContents::encode);
    }
}
