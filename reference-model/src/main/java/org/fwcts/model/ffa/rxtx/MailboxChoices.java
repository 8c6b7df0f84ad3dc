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

    /** A builder holding these choices, to change some of them by name. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder with every choice unset; {@link Builder#build()} names any left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the choices by name; each setter is the component of the same name. */
    public static final class Builder {
        private Integer minimumBufferSize;
        private Integer maximumPageCount;
        private Integer pageCountMask;
        private Boolean reportsMaximumPageCount;

        private Builder() {
        }

        private Builder(MailboxChoices from) {
            minimumBufferSize = from.minimumBufferSize;
            maximumPageCount = from.maximumPageCount;
            pageCountMask = from.pageCountMask;
            reportsMaximumPageCount = from.reportsMaximumPageCount;
        }

        public Builder minimumBufferSize(int value) {
            minimumBufferSize = value;
            return this;
        }

        public Builder maximumPageCount(int value) {
            maximumPageCount = value;
            return this;
        }

        public Builder pageCountMask(int value) {
            pageCountMask = value;
            return this;
        }

        public Builder reportsMaximumPageCount(boolean value) {
            reportsMaximumPageCount = value;
            return this;
        }

        /** The choices; fails naming the first one not set. */
        public MailboxChoices build() {
            return new MailboxChoices(set(minimumBufferSize, "minimumBufferSize"),
                    set(maximumPageCount, "maximumPageCount"),
                    set(pageCountMask, "pageCountMask"),
                    set(reportsMaximumPageCount, "reportsMaximumPageCount"));
        }

        private static <T> T set(T value, String component) {
            if (value == null) {
                throw new IllegalStateException("MailboxChoices." + component + " is not set");
            }
            return value;
        }
    }
}
