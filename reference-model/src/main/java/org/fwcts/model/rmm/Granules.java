package org.fwcts.model.rmm;

/** Sizes of the RMM's translation granule (4 KiB) and of the blocks an RTT entry maps at each level. */
public final class Granules {
    public static final long SIZE = 4096;
    /** Entries in one RTT: a 4 KiB table of 8-byte descriptors. */
    public static final int ENTRIES = 512;
    public static final int PAGE_LEVEL = 3;

    private Granules() {
    }

    /** The bits of an IPA below the part one entry at {@code level} resolves: 12 at level 3, 21 at 2, 30 at 1, 39 at 0. */
    public static int shift(int level) {
        return 12 + 9 * (PAGE_LEVEL - level);
    }

    /** The bytes one entry at {@code level} maps. */
    public static long blockSize(int level) {
        return 1L << shift(level);
    }

    public static boolean aligned(long address, int level) {
        return (address & (blockSize(level) - 1)) == 0;
    }
}
