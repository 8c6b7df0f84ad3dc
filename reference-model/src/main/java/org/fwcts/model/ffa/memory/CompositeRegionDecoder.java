package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.memory.Decoded.invalid;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and checks the composite memory region descriptor of a transaction (ffa-memory.md §2).
 *
 * <p>Checks the placement of the composite (16-aligned, after the EMADs, inside the descriptor, as
 * Hafnium's {@code ffa_memory_send_validate} and TF-A's {@code spmc_shmem_check_obj} do), that the
 * constituent count fills the rest of the descriptor exactly, the reserved fields, each constituent
 * (4K aligned, non-empty, not wrapping), the total page count and overlaps.
 */
final class CompositeRegionDecoder {
    /** Up to this many constituents, a pairwise comparison looks for overlaps before any sort. */
    private static final int PAIRWISE_LIMIT = 8;

    private CompositeRegionDecoder() {
    }

    /**
     * Decodes the composite at {@code offset} of a descriptor of {@code length} bytes whose EMAD array
     * ends at {@code emadEnd}; {@code in} is little-endian and {@code length} a multiple of 16.
     */
    static Decoded<CompositeRegion> decode(ByteBuffer in, long offset, int length, int emadEnd) {
        if (offset % 16 != 0) {
            return invalid(DescriptorRules.COMPOSITE_OFFSET_ALIGNMENT, "compositeOffset",
                    "offset " + offset + " is not a multiple of 16");
        }
        if (offset < emadEnd) {
            return invalid(DescriptorRules.COMPOSITE_OFFSET_PLACEMENT, "compositeOffset",
                    "offset " + offset + " lies inside the header or EMAD array, which end at " + emadEnd);
        }
        if (offset + CompositeRegion.HEADER_SIZE > length) {
            return invalid(DescriptorRules.COMPOSITE_BOUNDS, "compositeOffset",
                    "composite header at " + offset + " runs past the descriptor length " + length);
        }
        int at = (int) offset;
        long total = Integer.toUnsignedLong(in.getInt(at));
        long count = Integer.toUnsignedLong(in.getInt(at + 4));
        if (in.getLong(at + 8) != 0) {
            return invalid(DescriptorRules.COMPOSITE_RESERVED, "composite.reserved",
                    "bytes 8-15 are 0x" + Long.toHexString(in.getLong(at + 8)));
        }
        int first = at + CompositeRegion.HEADER_SIZE;
        long room = (length - first) / Constituent.SIZE;
        if (count != room) {
            return invalid(DescriptorRules.CONSTITUENT_COUNT, "composite.constituentCount",
                    "count " + count + " but the descriptor has room for exactly " + room);
        }
        // An array made into a list once: the region's own copy is then free.
        Constituent[] constituents = new Constituent[(int) count];
        for (int i = 0; i < count; i++) {
            Decoded<Constituent> constituent = readConstituent(in, first + i * Constituent.SIZE, i);
            if (constituent instanceof Decoded.Malformed<Constituent> malformed) {
                return malformed.as();
            }
            constituents[i] = constituent.orElseThrow();
        }
        CompositeRegion region = new CompositeRegion(total, List.of(constituents));
        if (!region.isTotalConsistent()) {
            return invalid(DescriptorRules.TOTAL_PAGE_COUNT, "composite.totalPageCount",
                    "total " + total + " but the constituents add up to " + region.constituentPageSum());
        }
        return checkOverlap(region);
    }

    private static Decoded<Constituent> readConstituent(ByteBuffer in, int at, int index) {
        Constituent constituent = new Constituent(in.getLong(at), Integer.toUnsignedLong(in.getInt(at + 8)));
        int reserved = in.getInt(at + 12);
        if (reserved != 0) {
            return invalid(DescriptorRules.CONSTITUENT_RESERVED, constituentField(index, "reserved"),
                    "bytes 12-15 are 0x" + Integer.toHexString(reserved));
        }
        if (!constituent.isPageAligned()) {
            return invalid(DescriptorRules.CONSTITUENT_ALIGNMENT, constituentField(index, "address"),
                    "address 0x" + Long.toHexString(constituent.address()) + " is not 4K aligned");
        }
        if (constituent.pageCount() == 0) {
            return invalid(DescriptorRules.CONSTITUENT_EMPTY, constituentField(index, "pageCount"),
                    "page count is 0");
        }
        if (constituent.wrapsAddressSpace()) {
            return invalid(DescriptorRules.CONSTITUENT_RANGE, constituentField(index, "pageCount"),
                    constituent.pageCount() + " pages from 0x" + Long.toHexString(constituent.address())
                            + " end past the top of the 64-bit address space");
        }
        return Decoded.valid(constituent);
    }

    /**
     * Sorts by base address and sweeps once, so a long constituent list costs O(n log n). A short
     * list is first compared pair by pair, which costs less than the sort when nothing overlaps
     * (the usual case); an overlap is still reported by the sweep, naming the same pair.
     */
    private static Decoded<CompositeRegion> checkOverlap(CompositeRegion region) {
        List<Constituent> constituents = region.constituents();
        if (constituents.size() <= PAIRWISE_LIMIT && !anyOverlap(constituents)) {
            return Decoded.valid(region);
        }
        Integer[] byAddress = new Integer[constituents.size()];
        Arrays.setAll(byAddress, i -> i);
        Arrays.sort(byAddress, (a, b) -> Long.compareUnsigned(constituents.get(a).address(),
                constituents.get(b).address()));
        int furthest = -1;
        for (int index : byAddress) {
            Constituent current = constituents.get(index);
            if (furthest >= 0 && current.overlaps(constituents.get(furthest))) {
                int later = Math.max(index, furthest);
                int earlier = Math.min(index, furthest);
                return invalid(DescriptorRules.CONSTITUENT_OVERLAP, "constituent[" + later + "]",
                        constituents.get(later) + " overlaps constituent[" + earlier + "] " + constituents.get(earlier));
            }
            if (furthest < 0
                    || Long.compareUnsigned(current.endAddress(), constituents.get(furthest).endAddress()) > 0) {
                furthest = index;
            }
        }
        return Decoded.valid(region);
    }

    private static boolean anyOverlap(List<Constituent> constituents) {
        for (int i = 1; i < constituents.size(); i++) {
            Constituent later = constituents.get(i);
            for (int j = 0; j < i; j++) {
                if (later.overlaps(constituents.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String constituentField(int index, String name) {
        return "constituent[" + index + "]." + name;
    }
}
