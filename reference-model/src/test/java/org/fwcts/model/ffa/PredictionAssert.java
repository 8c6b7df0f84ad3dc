package org.fwcts.model.ffa;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.prediction.Prediction;

/** Checks on predicted registers written as the spec states them: "w0 = 0x84000061, w2 = 5". */
public final class PredictionAssert {
    public static final long FFA_ERROR = FfaFunction.FFA_ERROR.x0();
    public static final long FFA_SUCCESS_32 = FfaFunction.FFA_SUCCESS.x0();
    public static final long FFA_SUCCESS_64 = FfaFunction.FFA_SUCCESS.x0Smc64();
    public static final long NOT_SUPPORTED = 0xFFFF_FFFFL;
    public static final long INVALID_PARAMETERS = 0xFFFF_FFFEL;
    public static final long NO_MEMORY = 0xFFFF_FFFDL;
    public static final long BUSY = 0xFFFF_FFFCL;
    public static final long DENIED = 0xFFFF_FFFAL;
    public static final long RETRY = 0xFFFF_FFF9L;

    private PredictionAssert() {
    }

    /** Register {@code index} must be {@code value} and nothing else. */
    public static void assertRegister(Prediction prediction, int index, long value) {
        assertThat(prediction.register(index).admits(value)).as("x%d admits 0x%x (%s)", index, value,
                prediction.register(index).describe()).isTrue();
        assertThat(prediction.register(index).admits(value ^ 1)).as("x%d only admits 0x%x", index, value).isFalse();
    }

    /** FFA_ERROR with {@code code} in w2. */
    public static void assertError(Prediction prediction, long code) {
        assertRegister(prediction, 0, FFA_ERROR);
        assertRegister(prediction, 2, code);
    }

    public static void assertSuccess(Prediction prediction) {
        assertRegister(prediction, 0, FFA_SUCCESS_32);
    }
}
