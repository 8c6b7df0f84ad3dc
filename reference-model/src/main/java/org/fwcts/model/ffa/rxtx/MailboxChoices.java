package org.fwcts.model.ffa.rxtx;

/**
 * Implementation choices for RX/TX buffer management (DEN0077A, "FFA_RXTX_MAP").
 *
 * @param minimumBufferSize FFA_FEATURES(FFA_RXTX_MAP) w2[1:0]: 0 = 4 KiB, 1 = 64 KiB, 2 = 16 KiB
 * @param maximumPageCount the largest page count RXTX_MAP accepts
 * @param pageCountMask the bits of w3 the implementation reads as the page count (others ignored)
 * @param reportsMaximumPageCount true when FFA_FEATURES(FFA_RXTX_MAP) reports the maximum in
 *     w2[31:16] to v1.2+ callers
 */
public record MailboxChoices(int minimumBufferSize, int maximumPageCount, int pageCountMask,
        boolean reportsMaximumPageCount) {
    private static final int[] SIZE_BY_CODE = {4096, 65536, 16384};

    /** The minimum buffer size and alignment in bytes. */
    public int minimumBufferBytes() {
        return SIZE_BY_CODE[minimumBufferSize];
    }
}
