package org.fwcts.model.smccc;

/** Arm Architecture Calls (owning entity 0) that the model knows by name (DEN0028). */
public enum ArchFunction {
    SMCCC_VERSION(0x8000_0000),
    SMCCC_ARCH_FEATURES(0x8000_0001),
    SMCCC_ARCH_SOC_ID(0x8000_0002),
    SMCCC_ARCH_WORKAROUND_1(0x8000_8000),
    SMCCC_ARCH_WORKAROUND_2(0x8000_7FFF),
    SMCCC_ARCH_WORKAROUND_3(0x8000_3FFF);

    private final FunctionId id;

    ArchFunction(int value) {
        this.id = new FunctionId(value);
    }

    public FunctionId id() {
        return id;
    }
}
