package org.fwcts.model.ffa;



/**
 * A range of 4 KiB pages that one endpoint owns exclusively at boot, with its access.
 *
 * @param owner the owning endpoint
 * @param base the first page's address, 4 KiB aligned
 * @param pageCount how many pages
 * @param access the owner's access to them
 */
public record OwnedRange(EndpointId owner, long base, int pageCount, PageAccess access) {
    public OwnedRange {
        if ((base & 0xFFF) != 0 || pageCount <= 0) {
            throw new IllegalArgumentException("owned range must be 4 KiB aligned and non-empty: " + Long.toHexString(base));
        }
    }
}
