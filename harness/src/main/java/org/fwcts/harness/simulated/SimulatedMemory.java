package org.fwcts.harness.simulated;

import java.util.HashMap;
import java.util.Map;

/**
 * The simulated machine's normal-world RAM: sparse 4 KiB pages, zero until written, inside one
 * address range; an access outside it is a fault, as on a machine with nothing mapped there.
 */
final class SimulatedMemory {
    static final int PAGE = 4096;
    private final long base;
    private final long limit;
    private final Map<Long, byte[]> pages = new HashMap<>();

    SimulatedMemory(long base, long size) {
        this.base = base;
        this.limit = base + size;
    }

    long base() {
        return base;
    }

    long size() {
        return limit - base;
    }

    boolean contains(long address, long length) {
        return address >= base && length >= 0 && address + length <= limit && address + length >= address;
    }

    byte read(long address) {
        byte[] page = pages.get(address & ~(PAGE - 1L));
        return page == null ? 0 : page[(int) (address & (PAGE - 1))];
    }

    void write(long address, byte value) {
        pages.computeIfAbsent(address & ~(PAGE - 1L), p -> new byte[PAGE])[(int) (address & (PAGE - 1))] = value;
    }

    /** Page by page: the SPMC reads a whole TX buffer on every FF-A call. */
    byte[] read(long address, int length) {
        byte[] bytes = new byte[length];
        for (int done = 0; done < length; ) {
            long at = address + done;
            int offset = (int) (at & (PAGE - 1));
            int count = Math.min(length - done, PAGE - offset);
            byte[] page = pages.get(at & ~(PAGE - 1L));
            if (page != null) {
                System.arraycopy(page, offset, bytes, done, count);
            }
            done += count;
        }
        return bytes;
    }

    void write(long address, byte[] bytes) {
        for (int done = 0; done < bytes.length; ) {
            long at = address + done;
            int offset = (int) (at & (PAGE - 1));
            int count = Math.min(bytes.length - done, PAGE - offset);
            System.arraycopy(bytes, done, pages.computeIfAbsent(at & ~(PAGE - 1L), p -> new byte[PAGE]), offset, count);
            done += count;
        }
    }

    /** Little-endian load of {@code width} bytes. */
    long load(long address, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = value << 8 | (read(address + i) & 0xFF);
        }
        return value;
    }

    void store(long address, int width, long value) {
        for (int i = 0; i < width; i++) {
            write(address + i, (byte) (value >>> (8 * i)));
        }
    }

    void zero(long address, long length) {
        for (long i = 0; i < length; i++) {
            write(address + i, (byte) 0);
        }
    }
}
