package org.fwcts.model.ffa.memory;

/**
 * The memory region attributes field of a memory transaction descriptor (DEN0077A, "Memory region
 * attributes descriptor"; ffa-memory.md §3).
 *
 * <p>The raw value is kept so that reserved encodings and reserved bits survive a decode/encode round
 * trip; the accessors interpret it. Bits [1:0] shareability, [3:2] cacheability (Normal) or ordering
 * (Device), [5:4] type, 6 NS (v1.1+), 7 and [15:8] reserved. In the v1.0 layout the field is one byte;
 * the bits above 7 then belong to the reserved header byte that follows it.
 *
 * @param raw the 16-bit field
 */
public record MemoryAttributes(int raw) {
    /** Bit 7 and bits [15:8]: MBZ in every FF-A version (Hafnium {@code FFA_MEMORY_ATTRIBUTES_MBZ_MASK}). */
    public static final int RESERVED_MASK = 0xFF80;
    private static final int NS_BIT = 1 << 6;
    private static final MemoryType[] TYPES = MemoryType.values();
    private static final Shareability[] SHAREABILITIES = Shareability.values();
    private static final Cacheability[] CACHEABILITIES = Cacheability.values();
    private static final DeviceOrdering[] ORDERINGS = DeviceOrdering.values();

    /** Type, cacheability and shareability all left to the relayer: 0x00. */
    public static final MemoryAttributes NOT_SPECIFIED = new MemoryAttributes(0);
    /** Normal, write-back, inner shareable: 0x2F, the one Normal combination Hafnium accepts. */
    public static final MemoryAttributes NORMAL_WRITE_BACK_INNER_SHAREABLE =
            normal(Cacheability.WRITE_BACK, Shareability.INNER);
    /** Device nGnRnE: 0x10. */
    public static final MemoryAttributes DEVICE_NGNRNE = device(DeviceOrdering.NGNRNE);

    /** Bits [5:4]; the ordinal is the encoding. */
    public enum MemoryType { NOT_SPECIFIED, DEVICE, NORMAL, RESERVED }

    /** Bits [1:0]; the ordinal is the encoding. */
    public enum Shareability { NON_SHAREABLE, RESERVED, OUTER, INNER }

    /** Bits [3:2] for Normal memory; the ordinal is the encoding. */
    public enum Cacheability { RESERVED_0, NON_CACHEABLE, RESERVED_2, WRITE_BACK }

    /** Bits [3:2] for Device memory; the ordinal is the encoding. */
    public enum DeviceOrdering { NGNRNE, NGNRE, NGRE, GRE }

    public MemoryAttributes {
        if (raw < 0 || raw > 0xFFFF) {
            throw new IllegalArgumentException("attributes are 16 bits: 0x" + Integer.toHexString(raw));
        }
    }

    public static MemoryAttributes of(int raw) {
        return new MemoryAttributes(raw);
    }

    /** Normal memory with the given cacheability and shareability. */
    public static MemoryAttributes normal(Cacheability cacheability, Shareability shareability) {
        return new MemoryAttributes(MemoryType.NORMAL.ordinal() << 4 | cacheability.ordinal() << 2
                | shareability.ordinal());
    }

    /** Device memory with the given ordering; shareability bits clear. */
    public static MemoryAttributes device(DeviceOrdering ordering) {
        return new MemoryAttributes(MemoryType.DEVICE.ordinal() << 4 | ordering.ordinal() << 2);
    }

    public MemoryType type() {
        return TYPES[(raw >>> 4) & 0b11];
    }

    public Shareability shareability() {
        return SHAREABILITIES[raw & 0b11];
    }

    /** Bits [3:2] read as Normal-memory cacheability (meaningful only when {@link #type()} is NORMAL). */
    public Cacheability cacheability() {
        return CACHEABILITIES[(raw >>> 2) & 0b11];
    }

    /** Bits [3:2] read as Device-memory ordering (meaningful only when {@link #type()} is DEVICE). */
    public DeviceOrdering deviceOrdering() {
        return ORDERINGS[(raw >>> 2) & 0b11];
    }

    /**
     * Bit 6, the NS bit (v1.1+). MBZ in DONATE/LEND/SHARE and in a retrieve request (INVALID_PARAMETERS);
     * the relayer sets it in a retrieve response for non-secure memory. The codec leaves it to the caller.
     */
    public boolean nonSecure() {
        return (raw & NS_BIT) != 0;
    }

    public MemoryAttributes withNonSecure(boolean nonSecure) {
        return new MemoryAttributes(nonSecure ? raw | NS_BIT : raw & ~NS_BIT);
    }

    /** The reserved bits that are set (bit 7 and [15:8]), in place. */
    public int reservedBits() {
        return raw & RESERVED_MASK;
    }

    public boolean hasReservedBits() {
        return reservedBits() != 0;
    }

    /**
     * Whether a field holds a reserved encoding: type 0b11, shareability 0b01, or Normal memory with
     * cacheability 0b00 or 0b10. These are semantic problems (Hafnium answers DENIED for attributes it
     * does not support), so the codec does not reject them.
     */
    public boolean hasReservedEncoding() {
        return type() == MemoryType.RESERVED || shareability() == Shareability.RESERVED
                || type() == MemoryType.NORMAL && (cacheability() == Cacheability.RESERVED_0
                        || cacheability() == Cacheability.RESERVED_2);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("0x").append(Integer.toHexString(raw)).append(" (").append(type());
        if (type() == MemoryType.NORMAL) {
            text.append(' ').append(cacheability()).append(' ').append(shareability());
        } else if (type() == MemoryType.DEVICE) {
            text.append(' ').append(deviceOrdering());
        }
        if (nonSecure()) {
            text.append(" NS");
        }
        if (hasReservedBits()) {
            text.append(" reserved=0x").append(Integer.toHexString(reservedBits()));
        }
        return text.append(')').toString();
    }
}
