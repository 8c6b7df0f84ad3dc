package org.fwcts.model.ffa.memory;

/**
 * The memory management transaction type, bits [4:3] of the transaction flags in a retrieve request or
 * response (DEN0077A, "Flags usage in FFA_MEM_RETRIEVE_REQ"; ffa-memory.md §3).
 *
 * <p>MBZ on send: the relayer records the type from the function ID. In a retrieve request a non-zero
 * type must match the real one, else INVALID_PARAMETERS. The ordinal is the encoding.
 */
public enum TransactionType {
    /** 0: the retriever does not say (Linux: {@code FFA_MEM_RETRIEVE_TYPE_IN_RESP}). */
    UNSPECIFIED,
    SHARE,
    LEND,
    DONATE;

    private static final TransactionType[] BY_CODE = values();

    public int code() {
        return ordinal();
    }

    /** The type whose encoding is the low two bits of {@code code}. */
    public static TransactionType fromCode(int code) {
        return BY_CODE[code & 0b11];
    }
}
