package org.fwcts.model.ffa;

/**
 * A change a call makes to memory contents that a test can check by reading or hashing the
 * pages, e.g. the clear-memory flag zeroing a region before the borrower maps it.
 *
 * @param base the first page's address
 * @param pageCount how many 4 KiB pages
 * @param kind what happens to their contents
 * @param rule the rule that says so
 */
public record MemoryEffect(long base, int pageCount, Kind kind, org.fwcts.model.Rule rule) {

    /** What happens to the contents. */
    public enum Kind {
        /** Every byte becomes zero. */
        ZEROED
    }
}
