package org.fwcts.model.ffa.memory;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.OwnedRange;

/**
 * Which endpoint owns each 4 KiB page (DEN0077A, "Ownership and access attributes"): the owners
 * the topology declares at boot, changed only by a retrieved FFA_MEM_DONATE.
 */
public final class PageOwners {
    private final PageRuns<EndpointId> owners;

    private PageOwners(PageRuns<EndpointId> owners) {
        this.owners = owners;
    }

    public static PageOwners of(List<OwnedRange> owned) {
        PageRuns<EndpointId> runs = PageRuns.empty();
        for (OwnedRange range : owned) {
            runs = runs.with(range.base(), range.pageCount(), range.owner());
        }
        return new PageOwners(runs);
    }

    /** The owner of the page holding {@code address}, if any endpoint owns it. */
    public Optional<EndpointId> owner(long address) {
        return owners.at(address);
    }

    /** Whether {@code endpoint} owns every one of {@code pageCount} pages from {@code base}. */
    public boolean ownsAll(EndpointId endpoint, long base, long pageCount) {
        return owners.allHold(base, pageCount, endpoint);
    }

    /** A copy where {@code newOwner} owns {@code pageCount} pages from {@code base}. */
    public PageOwners with(long base, long pageCount, EndpointId newOwner) {
        return new PageOwners(owners.with(base, pageCount, newOwner));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageOwners that && owners.equals(that.owners);
    }

    @Override
    public int hashCode() {
        return owners.hashCode();
    }
}
