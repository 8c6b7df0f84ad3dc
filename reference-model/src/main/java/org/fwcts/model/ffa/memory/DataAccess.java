package org.fwcts.model.ffa.memory;

/**
 * The data access field, bits [1:0] of the memory access permissions byte (DEN0077A, "Memory access
 * permissions descriptor"; ffa-memory.md §3).
 *
 * <p>The ordinal is the encoding, as in Hafnium's {@code enum ffa_data_access}.
 */
public enum DataAccess {
    NOT_SPECIFIED("unspecified"),
    RO("RO"),
    RW("RW"),
    /** 0b11: reserved; a descriptor that uses it is invalid. */
    RESERVED("data-reserved");

    private static final DataAccess[] BY_CODE = values();

    private final String label;

    DataAccess(String label) {
        this.label = label;
    }

    /** The 2-bit encoding. */
    public int code() {
        return ordinal();
    }

    /** The access whose encoding is the low two bits of {@code code}. */
    public static DataAccess fromCode(int code) {
        return BY_CODE[code & 0b11];
    }

    /** The short form used in {@link AccessPermissions#toString()}. */
    public String label() {
        return label;
    }
}
