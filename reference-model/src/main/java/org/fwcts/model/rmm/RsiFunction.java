package org.fwcts.model.rmm;

import java.util.Optional;

/**
 * The RSI commands a realm calls, by function ID: 0xC4000190 plus the offset (DEN0137 1.0,
 * "RSI commands"; TF-RMM {@code lib/smc/include/smc-rsi.h}).
 */
public enum RsiFunction {
    RSI_VERSION(0x0), RSI_FEATURES(0x1), RSI_MEASUREMENT_READ(0x2), RSI_MEASUREMENT_EXTEND(0x3),
    RSI_ATTEST_TOKEN_INIT(0x4), RSI_ATTEST_TOKEN_CONTINUE(0x5), RSI_REALM_CONFIG(0x6), RSI_IPA_STATE_SET(0x7),
    RSI_IPA_STATE_GET(0x8), RSI_HOST_CALL(0x9);

    public static final long BASE = 0xC400_0190L;

    private final int offset;

    RsiFunction(int offset) {
        this.offset = offset;
    }

    public long id() {
        return BASE + offset;
    }

    public static Optional<RsiFunction> of(long functionId) {
        for (RsiFunction function : values()) {
            if (function.id() == functionId) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }
}
