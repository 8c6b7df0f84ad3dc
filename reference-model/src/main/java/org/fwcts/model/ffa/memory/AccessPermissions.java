package org.fwcts.model.ffa.memory;

import java.util.Objects;

/**
 * The memory access permissions byte of an endpoint memory access descriptor (DEN0077A, "Memory
 * access permissions descriptor"; ffa-memory.md §3).
 *
 * <p>Bits [1:0] are data access, [3:2] instruction access, [7:4] reserved. The reserved bits are kept
 * rather than dropped so that a decoded byte re-encodes to itself and a checker can see them: Hafnium
 * reads the byte through a 2+2-bit bitfield and never looks at [7:4], but the specification makes them
 * MBZ.
 *
 * @param data the data access field
 * @param instruction the instruction access field
 * @param reservedBits bits [7:4] as they sit in the byte (so a multiple of 0x10, at most 0xF0)
 */
public record AccessPermissions(DataAccess data, InstructionAccess instruction, int reservedBits) {
    private static final int RESERVED_MASK = 0xF0;

    /** Data RW, instruction NX: 0x06. */
    public static final AccessPermissions RW_NX = of(DataAccess.RW, InstructionAccess.NX);
    /** Data RO, instruction NX: 0x05. */
    public static final AccessPermissions RO_NX = of(DataAccess.RO, InstructionAccess.NX);
    /** Data RW, instruction not specified (what a sender writes for LEND/SHARE): 0x02. */
    public static final AccessPermissions RW = of(DataAccess.RW, InstructionAccess.NOT_SPECIFIED);
    /** Data RO, instruction not specified: 0x01. */
    public static final AccessPermissions RO = of(DataAccess.RO, InstructionAccess.NOT_SPECIFIED);
    /** Nothing specified (what a DONATE sender writes): 0x00. */
    public static final AccessPermissions NOT_SPECIFIED =
            of(DataAccess.NOT_SPECIFIED, InstructionAccess.NOT_SPECIFIED);

    public AccessPermissions {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(instruction, "instruction");
        if ((reservedBits & ~RESERVED_MASK) != 0) {
            throw new IllegalArgumentException("reserved bits must lie in [7:4]: 0x" + Integer.toHexString(reservedBits));
        }
    }

    /** Permissions with the reserved bits clear. */
    public static AccessPermissions of(DataAccess data, InstructionAccess instruction) {
        return new AccessPermissions(data, instruction, 0);
    }

    /** Reads the low eight bits of {@code value}; nothing is lost, so {@code decode(b).encode() == b}. */
    public static AccessPermissions decode(int value) {
        return new AccessPermissions(DataAccess.fromCode(value), InstructionAccess.fromCode(value >>> 2),
                value & RESERVED_MASK);
    }

    /** The byte: data | instruction << 2 | reserved bits. */
    public int encode() {
        return data.code() | instruction.code() << 2 | reservedBits;
    }

    /** Whether any of bits [7:4] is set. */
    public boolean hasReservedBits() {
        return reservedBits != 0;
    }

    /** Whether either field holds its reserved encoding 0b11 (Hafnium: INVALID_PARAMETERS). */
    public boolean hasReservedValue() {
        return data == DataAccess.RESERVED || instruction == InstructionAccess.RESERVED;
    }

    /** Whether this byte is well formed: no reserved encoding and no reserved bit. */
    public boolean isWellFormed() {
        return !hasReservedBits() && !hasReservedValue();
    }

    public AccessPermissions withData(DataAccess newData) {
        return new AccessPermissions(newData, instruction, reservedBits);
    }

    public AccessPermissions withInstruction(InstructionAccess newInstruction) {
        return new AccessPermissions(data, newInstruction, reservedBits);
    }

    /** E.g. "RW+NX", "RO" (instruction not specified), "unspecified", "RW+NX+reserved=0x30". */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(24);
        if (data != DataAccess.NOT_SPECIFIED) {
            text.append(data.label());
        }
        if (instruction != InstructionAccess.NOT_SPECIFIED) {
            text.append(text.length() == 0 ? "" : "+").append(instruction.label());
        }
        if (text.length() == 0) {
            text.append("unspecified");
        }
        if (reservedBits != 0) {
            text.append("+reserved=0x").append(Integer.toHexString(reservedBits));
        }
        return text.toString();
    }
}
