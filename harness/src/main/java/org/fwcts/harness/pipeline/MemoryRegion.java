package org.fwcts.harness.pipeline;

import java.util.Arrays;

/** Bytes at a normal-world physical address: what a caller wrote before a call, or read back after it. */
public record MemoryRegion(long address, byte[] bytes) {

    public MemoryRegion {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether this region holds all of [{@code from}, {@code from + length}). */
    boolean covers(long from, int length) {
        return Long.compareUnsigned(from, address) >= 0
                && Long.compareUnsigned(from + length, address + bytes.length) <= 0;
    }

    byte[] slice(long from, int length) {
        int offset = (int) (from - address);
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemoryRegion that && address == that.address && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(address) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MemoryRegion[0x" + Long.toHexString(address) + ", " + bytes.length + " bytes]";
    }
}
