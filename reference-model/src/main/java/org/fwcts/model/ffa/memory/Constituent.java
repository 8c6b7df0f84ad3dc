package org.fwcts.model.ffa.memory;

/**
 * One contiguous run of 4K pages in a composite memory region (DEN0077A, "Constituent memory region
 * descriptor"; ffa-memory.md §2): base address (8) @0, page count (4) @8, reserved (4) @12.
 *
 * <p>Nothing is checked here, so a test can describe an unaligned, empty or wrapping constituent and
 * send it; the decoder reports such constituents as malformed.
 *
 * @param address base address (IPA or PA), meant to be 4K aligned
 * @param pageCount number of 4K pages, an unsigned 32-bit value
 */
public record Constituent(long address, long pageCount) {
    /** An FF-A page is always 4K, whatever the translation granule (DEN0077A). */
    public static final long PAGE_SIZE = 4096;
    /** Bytes one constituent descriptor occupies. */
    public static final int SIZE = 16;

    public Constituent {
        if (pageCount < 0 || pageCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("page count is an unsigned 32-bit value: " + pageCount);
        }
    }

    public static Constituent of(long address, long pageCount) {
        return new Constituent(address, pageCount);
    }

    public boolean isPageAligned() {
        return (address & (PAGE_SIZE - 1)) == 0;
    }

    /** Size in bytes; at most 2^44, so it cannot overflow. */
    public long byteLength() {
        return pageCount * PAGE_SIZE;
    }

    /** The first address after the run; meaningless if {@link #wrapsAddressSpace()}. */
    public long endAddress() {
        return address + byteLength();
    }

    /** Whether the run's end address (first byte after it) does not fit in 64 bits. */
    public boolean wrapsAddressSpace() {
        return pageCount != 0 && Long.compareUnsigned(endAddress(), address) <= 0;
    }

    /** Whether the two runs share at least one byte (unsigned address comparison). */
    public boolean overlaps(Constituent other) {
        return Long.compareUnsigned(address, other.endAddress()) < 0
                && Long.compareUnsigned(other.address, endAddress()) < 0;
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(address) + "+" + pageCount + "p";
    }
}
