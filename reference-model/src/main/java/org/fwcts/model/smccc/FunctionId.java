package org.fwcts.model.smccc;

/**
 * A 32-bit SMCCC function identifier, decoded (DEN0028, "Function Identifier").
 *
 * <p>The identifier is taken from w0: the upper 32 bits of x0 are ignored by the convention.
 */
public record FunctionId(int value) {
    private static final int FAST_BIT = 1 << 31;
    private static final int SMC64_BIT = 1 << 30;
    private static final int OWNER_SHIFT = 24;
    private static final int OWNER_MASK = 0x3F;
    /** Bits [23:17] must be zero. */
    private static final int MBZ_MASK = 0x00FE_0000;
    /** Bit 16: SVE live-state hint, SMCCC v1.3 and later. */
    private static final int SVE_HINT_BIT = 1 << 16;
    private static final int NUMBER_MASK = 0xFFFF;

    public static FunctionId fromRegister(long x0) {
        return new FunctionId((int) x0);
    }

    public static FunctionId fast32(OwningEntity owner, int number) {
        return build(true, false, owner.firstNumber(), number);
    }

    public static FunctionId fast64(OwningEntity owner, int number) {
        return build(true, true, owner.firstNumber(), number);
    }

    public static FunctionId build(boolean fast, boolean smc64, int ownerNumber, int number) {
        if (ownerNumber < 0 || ownerNumber > OWNER_MASK || number < 0 || number > NUMBER_MASK) {
            throw new IllegalArgumentException("owner " + ownerNumber + " / number " + number + " out of range");
        }
        int value = (fast ? FAST_BIT : 0) | (smc64 ? SMC64_BIT : 0) | ownerNumber << OWNER_SHIFT | number;
        return new FunctionId(value);
    }

    public boolean isFast() {
        return (value & FAST_BIT) != 0;
    }

    /** True for the SMC64/HVC64 convention, false for SMC32/HVC32. */
    public boolean isSmc64() {
        return (value & SMC64_BIT) != 0;
    }

    public int ownerNumber() {
        return (value >>> OWNER_SHIFT) & OWNER_MASK;
    }

    public OwningEntity owner() {
        return OwningEntity.of(ownerNumber());
    }

    public int number() {
        return value & NUMBER_MASK;
    }

    public boolean hasReservedBitsSet() {
        return (value & MBZ_MASK) != 0;
    }

    public boolean hasSveHint() {
        return (value & SVE_HINT_BIT) != 0;
    }

    /** This identifier with the SVE hint cleared, as a callee that honours the hint decodes it. */
    public FunctionId withoutSveHint() {
        return new FunctionId(value & ~SVE_HINT_BIT);
    }

    /** The register value a caller places in x0: the identifier, zero-extended. */
    public long register() {
        return Integer.toUnsignedLong(value);
    }

    // Written out with the record's own meaning: the generated equals and hashCode are
    // bootstrapped through method handles on first use, dozens of classes spun at every start.
    @Override
    public boolean equals(Object other) {
        return other instanceof FunctionId id && id.value == value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    @Override
    public String toString() {
        return org.fwcts.model.Hex.padded(value & 0xFFFF_FFFFL, 8, true);
    }
}
