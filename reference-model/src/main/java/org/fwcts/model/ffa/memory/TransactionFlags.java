package org.fwcts.model.ffa.memory;

/**
 * The 32-bit flags word of a memory transaction descriptor (DEN0077A, "Flags usage"; ffa-memory.md §3).
 *
 * <p>The raw word is kept; accessors read the fields and withers set them. Which bits are allowed
 * depends on the operation (send, retrieve request, retrieve response), so the codec never rejects a
 * flags word; callers check it against the operation with {@link #reservedBits()} and the accessors.
 *
 * @param raw the flags word
 */
public record TransactionFlags(int raw) {
    private static final int ZERO_MEMORY = 1;
    private static final int TIME_SLICING = 1 << 1;
    private static final int ZERO_AFTER_RELINQUISH = 1 << 2;
    private static final int TYPE_SHIFT = 3;
    private static final int TYPE_MASK = 0b11 << TYPE_SHIFT;
    private static final int HINT_SHIFT = 5;
    private static final int HINT_MASK = 0xF << HINT_SHIFT;
    private static final int HINT_VALID = 1 << 9;
    private static final int BYPASS_MULTI_BORROWER_CHECK = 1 << 10;
    /** Bits [31:11]: MBZ in every use (Hafnium rejects them in a retrieve request with mask ~0x7FF). */
    public static final int RESERVED_MASK = ~0x7FF;

    /** No flag set. */
    public static final TransactionFlags NONE = new TransactionFlags(0);

    public static TransactionFlags of(int raw) {
        return new TransactionFlags(raw);
    }

    /** Flags that only carry {@code type} in bits [4:3] (what TF-A's EL3 SPMC expects on send). */
    public static TransactionFlags of(TransactionType type) {
        return NONE.withTransactionType(type);
    }

    /** Bit 0: zero the memory before mapping it for the receiver (not allowed for SHARE). */
    public boolean zeroMemory() {
        return (raw & ZERO_MEMORY) != 0;
    }

    /** Bit 1: the relayer may time-slice the operation. */
    public boolean timeSlicing() {
        return (raw & TIME_SLICING) != 0;
    }

    /** Bit 2: zero the memory after the receiver relinquishes it (retrieve only; not for SHARE). */
    public boolean zeroAfterRelinquish() {
        return (raw & ZERO_AFTER_RELINQUISH) != 0;
    }

    /** Bits [4:3]. */
    public TransactionType transactionType() {
        return TransactionType.fromCode(raw >>> TYPE_SHIFT);
    }

    /** Bits [8:5]: address range alignment hint (retrieve only). */
    public int alignmentHint() {
        return (raw & HINT_MASK) >>> HINT_SHIFT;
    }

    /** Bit 9: the alignment hint is valid (retrieve only). */
    public boolean hintValid() {
        return (raw & HINT_VALID) != 0;
    }

    /** Bit 10: bypass the multi-borrower check (retrieve only, Hafnium). */
    public boolean bypassMultiBorrowerCheck() {
        return (raw & BYPASS_MULTI_BORROWER_CHECK) != 0;
    }

    /** The bits of [31:11] that are set, in place. */
    public int reservedBits() {
        return raw & RESERVED_MASK;
    }

    public TransactionFlags withZeroMemory(boolean on) {
        return withBits(ZERO_MEMORY, on);
    }

    public TransactionFlags withTimeSlicing(boolean on) {
        return withBits(TIME_SLICING, on);
    }

    public TransactionFlags withZeroAfterRelinquish(boolean on) {
        return withBits(ZERO_AFTER_RELINQUISH, on);
    }

    public TransactionFlags withTransactionType(TransactionType type) {
        return new TransactionFlags(raw & ~TYPE_MASK | type.code() << TYPE_SHIFT);
    }

    /** Sets bits [8:5]; {@code hint} must fit in four bits. */
    public TransactionFlags withAlignmentHint(int hint) {
        if (hint < 0 || hint > 0xF) {
            throw new IllegalArgumentException("alignment hint is 4 bits: " + hint);
        }
        return new TransactionFlags(raw & ~HINT_MASK | hint << HINT_SHIFT);
    }

    public TransactionFlags withHintValid(boolean on) {
        return withBits(HINT_VALID, on);
    }

    public TransactionFlags withBypassMultiBorrowerCheck(boolean on) {
        return withBits(BYPASS_MULTI_BORROWER_CHECK, on);
    }

    private TransactionFlags withBits(int bits, boolean on) {
        return new TransactionFlags(on ? raw | bits : raw & ~bits);
    }

    @Override
    public String toString() {
        return "TransactionFlags[0x" + Integer.toHexString(raw) + "]";
    }
}
