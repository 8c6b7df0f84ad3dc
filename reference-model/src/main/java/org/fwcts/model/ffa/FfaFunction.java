package org.fwcts.model.ffa;

import org.fwcts.model.smccc.FunctionId;

/** FF-A functions the model knows so far (DEN0077A; ../shared/spec/ffa-abi.md §1). */
public enum FfaFunction {
    FFA_ERROR(0x8400_0060),
    FFA_SUCCESS(0x8400_0061),
    FFA_VERSION(0x8400_0063),
    FFA_FEATURES(0x8400_0064),
    FFA_ID_GET(0x8400_0069);

    /** FF-A function numbers start at 0x60 in the Standard Secure Service range. */
    public static final int FIRST_NUMBER = 0x60;
    public static final int LAST_NUMBER = 0xFF;

    private final FunctionId id;

    FfaFunction(int value) {
        this.id = new FunctionId(value);
    }

    public FunctionId id() {
        return id;
    }
}
