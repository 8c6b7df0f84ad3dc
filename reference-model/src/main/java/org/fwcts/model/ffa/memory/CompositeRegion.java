package org.fwcts.model.ffa.memory;

import java.util.List;
import java.util.Objects;

/**
 * A composite memory region descriptor: the pages a transaction covers (DEN0077A, "Composite memory
 * region descriptor"; ffa-memory.md §2): total page count (4) @0, constituent count (4) @4,
 * reserved (8) @8, constituents @16.
 *
 * <p>The declared total is kept apart from the constituents so that a test can send a total that does
 * not match their sum; a decoded region always matches (the decoder reports a mismatch as malformed).
 *
 * @param totalPageCount the declared total, an unsigned 32-bit value
 * @param constituents the page runs, in descriptor order
 */
public record CompositeRegion(long totalPageCount, List<Constituent> constituents) {
    /** Bytes of the composite header before the constituents. */
    public static final int HEADER_SIZE = 16;

    public CompositeRegion {
        if (totalPageCount < 0 || totalPageCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("total page count is an unsigned 32-bit value: " + totalPageCount);
        }
        constituents = List.copyOf(Objects.requireNonNull(constituents, "constituents"));
    }

    /** A region whose declared total is the sum of its constituents' pages (truncated to 32 bits). */
    public static CompositeRegion of(List<Constituent> constituents) {
        return new CompositeRegion(sumOfPages(constituents) & 0xFFFF_FFFFL, constituents);
    }

    public static CompositeRegion of(Constituent... constituents) {
        return of(List.of(constituents));
    }

    /** The sum of the constituents' page counts, without truncation. */
    public long constituentPageSum() {
        return sumOfPages(constituents);
    }

    /** Whether the declared total equals the sum of the constituents (the spec requires it). */
    public boolean isTotalConsistent() {
        return totalPageCount == constituentPageSum();
    }

    /** Bytes the region occupies in a descriptor: header plus 16 per constituent. */
    public int encodedSize() {
        return HEADER_SIZE + Constituent.SIZE * constituents.size();
    }

    public CompositeRegion withTotalPageCount(long total) {
        return new CompositeRegion(total, constituents);
    }

    private static long sumOfPages(List<Constituent> constituents) {
        long sum = 0;
        for (Constituent constituent : constituents) {
            sum += constituent.pageCount();
        }
        return sum;
    }
}
