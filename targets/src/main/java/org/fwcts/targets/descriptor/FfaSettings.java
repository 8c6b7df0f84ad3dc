package org.fwcts.targets.descriptor;

/**
 * Where the FF-A tests may work in the normal world's memory: RX/TX buffers and the regions
 * they share, lend and donate. The harness owns these pages; the agent image and the firmware
 * must not use them.
 *
 * @param scratchBase the first page, 4 KiB aligned
 * @param scratchPages how many 4 KiB pages from there
 */
public record FfaSettings(long scratchBase, int scratchPages) {
    public static final int PAGE_SIZE = 4096;

    /** The address of scratch page {@code index}. */
    public long page(int index) {
        if (index < 0 || index >= scratchPages) {
            throw new IllegalArgumentException("scratch page " + index + " outside 0.." + (scratchPages - 1));
        }
        return scratchBase + (long) index * PAGE_SIZE;
    }
}
