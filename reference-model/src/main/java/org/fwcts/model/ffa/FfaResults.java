package org.fwcts.model.ffa;

import java.util.Arrays;
import java.util.function.Supplier;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;
import org.fwcts.model.smccc.FunctionId;

/**
 * Builds the predicted result registers of one FF-A call.
 *
 * <p>Starts from the profile's {@link RegisterConvention}: w1–w7 reserved (zero or unspecified),
 * x8–x17 preserved or unspecified. SMC32 calls are compared in the low 32 bits of each register.
 */
public final class FfaResults {
    private static final int FIRST_UPPER = 8;
    private static final long SUCCESS_32 = FfaFunction.FFA_SUCCESS.smc32().orElseThrow().value() & 0xFFFF_FFFFL;
    private static final long SUCCESS_64 = FfaFunction.FFA_SUCCESS.smc64().orElseThrow().value() & 0xFFFF_FFFFL;
    private static final long ERROR = FfaFunction.FFA_ERROR.smc32().orElseThrow().value() & 0xFFFF_FFFFL;

    // Most calls leave x8-x17 zero: one shared prediction instead of ten per call.
    private static final RegisterPrediction PRESERVED_ZERO = new RegisterPrediction.Preserved(0, FfaRules.RESERVED_RESULTS);
    private static final RegisterPrediction UPPER_UNSPECIFIED = new RegisterPrediction.DontCare(FfaRules.RESERVED_RESULTS);
    private static final RegisterPrediction RESERVED_ZERO = exact(0, FfaRules.RESERVED_RESULTS);
    private static final RegisterPrediction RESERVED_UNSPECIFIED = new RegisterPrediction.DontCare(FfaRules.RESERVED_RESULTS);
    /** {@link #template} by convention: index 2 if reserved registers are zeroed, plus 1 if x8–x17 are preserved. */
    private static final RegisterPrediction[][] TEMPLATES = {buildTemplate(false, false), buildTemplate(false, true),
        buildTemplate(true, false), buildTemplate(true, true)};

    private final Registers call;
    private final boolean smc32;
    private RegisterPrediction[] predictions;
    /** Set once a prediction took {@link #predictions}: a later change writes to a copy. */
    private boolean handedOver;

    private FfaResults(Registers call, RegisterConvention convention) {
        this.call = call;
        this.smc32 = !FunctionId.fromRegister(call.x(0)).isSmc64();
        predictions = template(convention).clone();
        if (convention.upperPreserved()) {
            for (int i = FIRST_UPPER; i < Registers.COUNT; i++) {
                if (call.x(i) != 0) {
                    predictions[i] = new RegisterPrediction.Preserved(call.x(i), FfaRules.RESERVED_RESULTS);
                }
            }
        }
    }

    /**
     * The convention's predictions for a call with x8–x17 zero, x0 left to the handler: one array
     * per convention, copied for each call instead of filled.
     */
    private static RegisterPrediction[] template(RegisterConvention convention) {
        return TEMPLATES[(convention.reservedZeroed() ? 2 : 0) + (convention.upperPreserved() ? 1 : 0)];
    }

    private static RegisterPrediction[] buildTemplate(boolean reservedZeroed, boolean upperPreserved) {
        RegisterPrediction[] template = new RegisterPrediction[Registers.COUNT];
        Arrays.fill(template, 1, FIRST_UPPER, reservedZeroed ? RESERVED_ZERO : RESERVED_UNSPECIFIED);
        Arrays.fill(template, FIRST_UPPER, Registers.COUNT, upperPreserved ? PRESERVED_ZERO : UPPER_UNSPECIFIED);
        return template;
    }

    public static FfaResults forCall(Registers call, RegisterConvention convention) {
        return new FfaResults(call, convention);
    }

    /** FFA_SUCCESS (SMC32 function ID) in w0. */
    public FfaResults success(Rule rule) {
        return value(0, SUCCESS_32, rule);
    }

    /** FFA_SUCCESS with the SMC64 function ID, for results that need 64-bit registers. */
    public FfaResults success64(Rule rule) {
        return value(0, SUCCESS_64, rule);
    }

    /** FFA_ERROR with {@code error} in w2 and w1 zero. */
    public FfaResults error(FfaError error, Rule rule) {
        value(0, ERROR, rule);
        value(1, 0, FfaRules.ERROR_ENCODING);
        return value32(2, error.register(), rule);
    }

    /** {@code function}'s identifier in w0, e.g. FFA_MEM_RETRIEVE_RESP. */
    public FfaResults function(FunctionId function, Rule rule) {
        return value(0, function.value() & 0xFFFF_FFFFL, rule);
    }

    /** Register {@code index} holds {@code value} (in its low 32 bits for an SMC32 call). */
    public FfaResults value(int index, long value, Rule rule) {
        set(index, smc32 || index == 0 ? exact32(value, rule) : exact(value, rule));
        return this;
    }

    /** Register {@code index} holds the 32-bit {@code value}, whatever the call's width (a wN result). */
    public FfaResults value32(int index, long value, Rule rule) {
        set(index, exact32(value, rule));
        return this;
    }

    /** Register {@code index} may hold anything, e.g. a value the implementation chooses. */
    public FfaResults unspecified(int index, Rule rule) {
        set(index, new RegisterPrediction.DontCare(rule));
        return this;
    }

    /** Register {@code index} holds any value within {@code prediction}'s constraint. */
    public FfaResults predict(int index, RegisterPrediction prediction) {
        set(index, prediction);
        return this;
    }

    public Prediction build(String summary) {
        return Prediction.ofOwned(() -> summary, predictions[0].rule(), handOver());
    }

    /** The prediction, its summary written by {@code describer} only when it is read. */
    public Prediction build(Supplier<String> describer) {
        return Prediction.ofOwned(describer, predictions[0].rule(), handOver());
    }

    /** The registers for a prediction to keep uncopied; these results copy them before any later change. */
    private RegisterPrediction[] handOver() {
        handedOver = true;
        return predictions;
    }

    private void set(int index, RegisterPrediction prediction) {
        if (handedOver) {
            predictions = predictions.clone();
            handedOver = false;
        }
        predictions[index] = prediction;
    }

    public Registers call() {
        return call;
    }

    private static RegisterPrediction exact(long value, Rule rule) {
        return new RegisterPrediction.Exact(value, RegisterPrediction.Exact.ALL_BITS, rule);
    }

    private static RegisterPrediction exact32(long value, Rule rule) {
        return new RegisterPrediction.Exact(value, RegisterPrediction.Exact.LOW_32_BITS, rule);
    }
}
