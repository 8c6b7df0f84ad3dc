package org.fwcts.model.ffa.memory;

/**
 * The instruction access field, bits [3:2] of the memory access permissions byte (DEN0077A, "Memory
 * access permissions descriptor"; ffa-memory.md §3).
 *
 * <p>The ordinal is the encoding, as in Hafnium's {@code enum ffa_instruction_access}.
 */
public enum InstructionAccess {
    NOT_SPECIFIED("unspecified"),
    NX("NX"),
    X("X"),
    /** 0b11: reserved; a descriptor that uses it is invalid. */
    RESERVED("instruction-reserved");

    private static final InstructionAccess[] BY_CODE = values();

    private final String label;

    InstructionAccess(String label) {
        this.label = label;
    }

    /** The 2-bit encoding (before shifting into bits [3:2]). */
    public int code() {
        return ordinal();
    }

    /** The access whose encoding is the low two bits of {@code code}. */
    public static InstructionAccess fromCode(int code) {
        return BY_CODE[code & 0b11];
    }

    /** The short form used in {@link AccessPermissions#toString()}. */
    public String label() {
        return label;
    }
}
