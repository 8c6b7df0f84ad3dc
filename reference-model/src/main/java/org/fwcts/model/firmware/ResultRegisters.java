package org.fwcts.model.firmware;

import java.util.Arrays;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.SmcccRules;

/**
 * Builds a {@link Prediction} from the calling convention's defaults plus the values a
 * function defines.
 *
 * <p>Defaults: x1–x3 unspecified; x4–x17 preserved from SMCCC v1.1, unspecified under v1.0.
 * Values given for an SMC32 call are compared in their low 32 bits only.
 */
public final class ResultRegisters {
    private static final int FIRST_PRESERVED = 4;

    private final Registers call;
    private final boolean smc32;
    private final RegisterPrediction[] predictions = new RegisterPrediction[Registers.COUNT];

    private ResultRegisters(Profile profile, Registers call) {
        this.call = call;
        this.smc32 = !FunctionId.fromRegister(call.x(0)).isSmc64();
        Arrays.fill(predictions, 0, FIRST_PRESERVED, new RegisterPrediction.DontCare(SmcccRules.UNUSED_RESULTS));
        boolean preserves = profile.effectiveSmcccVersion().atLeast(1, 1);
        for (int i = FIRST_PRESERVED; i < Registers.COUNT; i++) {
            predictions[i] = preserves
                    ? new RegisterPrediction.Preserved(call.x(i), SmcccRules.PRESERVE_X4_X17)
                    : new RegisterPrediction.DontCare(SmcccRules.V10_X4_X17);
        }
    }

    /** Starts from the convention's defaults for {@code call} under {@code profile}. */
    public static ResultRegisters forCall(Profile profile, Registers call) {
        return new ResultRegisters(profile, call);
    }

    /** Register {@code index} holds {@code value}, per {@code rule}. */
    public ResultRegisters value(int index, long value, Rule rule) {
        long mask = smc32 ? RegisterPrediction.Exact.LOW_32_BITS : RegisterPrediction.Exact.ALL_BITS;
        predictions[index] = new RegisterPrediction.Exact(value, mask, rule);
        return this;
    }

    /** The SMCCC way to say "not supported": -1 in x0. */
    public ResultRegisters notSupported(Rule rule) {
        return value(0, SmcccRules.NOT_SUPPORTED, rule);
    }

    public Prediction build(String summary) {
        RegisterPrediction x0 = predictions[0];
        return new Prediction(summary, x0.rule(), Arrays.asList(predictions));
    }

    /** The call these results answer. */
    public Registers call() {
        return call;
    }
}
