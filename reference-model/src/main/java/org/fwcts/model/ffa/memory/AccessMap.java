package org.fwcts.model.ffa.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.OwnedRange;
import org.fwcts.model.ffa.PageAccess;

/**
 * Each endpoint's access to each 4 KiB page the model tracks: what the permission checks of a
 * test compare against. Pages not in the map are not accessible to that endpoint.
 *
 * <p>Kept as runs of pages with the same access ({@link PageRuns}), so a transition over a large
 * region costs a few map entries.
 */
public final class AccessMap {
    private static final long PAGE = PageRuns.PAGE;
    private final Map<EndpointId, PageRuns<PageAccess>> pages;

    private AccessMap(Map<EndpointId, PageRuns<PageAccess>> pages) {
        this.pages = pages;
    }

    public static AccessMap of(List<OwnedRange> owned) {
        AccessMap map = new AccessMap(Map.of());
        for (OwnedRange range : owned) {
            map = map.with(range.owner(), range.base(), range.pageCount(), range.access());
        }
        return map;
    }

    /** {@code endpoint}'s access to the page holding {@code address}. */
    public PageAccess access(EndpointId endpoint, long address) {
        return runs(endpoint).at(address).orElse(PageAccess.NONE);
    }

    /** A copy with {@code endpoint}'s access to {@code pageCount} pages from {@code base} set to {@code access}. */
    public AccessMap with(EndpointId endpoint, long base, long pageCount, PageAccess access) {
        PageRuns<PageAccess> changed = runs(endpoint).with(pageOf(base), covering(base, pageCount),
                access.any() ? access : null);
        Map<EndpointId, PageRuns<PageAccess>> copy = new HashMap<>(pages);
        if (changed.isEmpty()) {
            copy.remove(endpoint);
        } else {
            copy.put(endpoint, changed);
        }
        return new AccessMap(Map.copyOf(copy));
    }

    /**
     * {@code endpoint}'s accessible runs within {@code pageCount} pages from {@code base}, clipped
     * to them: what reclaim must restore exactly (pages absent from the list have no access).
     */
    public List<OwnedRange> ranges(EndpointId endpoint, long base, long pageCount) {
        List<OwnedRange> found = new ArrayList<>();
        for (PageRuns.Run<PageAccess> run : runs(endpoint).within(pageOf(base), covering(base, pageCount))) {
            found.add(new OwnedRange(endpoint, run.start(), (int) run.pageCount(), run.value()));
        }
        return found;
    }

    /**
     * The page holding {@code address}: an implementation that accepts an unaligned constituent
     * (TF-A only warns) maps the pages that hold it.
     */
    private static long pageOf(long address) {
        return address & ~(PAGE - 1);
    }

    /** How many pages {@code pageCount} pages from {@code base} touch, when {@code base} is not aligned. */
    private static long covering(long base, long pageCount) {
        return (base & (PAGE - 1)) == 0 ? pageCount : pageCount + 1;
    }

    /** Every run of pages {@code endpoint} can access, in address order. */
    public List<OwnedRange> ranges(EndpointId endpoint) {
        List<OwnedRange> found = new ArrayList<>();
        for (PageRuns.Run<PageAccess> run : runs(endpoint).all()) {
            found.add(new OwnedRange(endpoint, run.start(), (int) run.pageCount(), run.value()));
        }
        return found;
    }

    /** Every page {@code endpoint} can access, by address, in address order (one entry per page: for small maps). */
    public Map<Long, PageAccess> pagesOf(EndpointId endpoint) {
        Map<Long, PageAccess> each = new TreeMap<>();
        for (PageRuns.Run<PageAccess> run : runs(endpoint).all()) {
            for (long page = run.start(); page != run.end(); page += PAGE) {
                each.put(page, run.value());
            }
        }
        return each;
    }

    private PageRuns<PageAccess> runs(EndpointId endpoint) {
        return pages.getOrDefault(endpoint, PageRuns.empty());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessMap that && pages.equals(that.pages);
    }

    @Override
    public int hashCode() {
        return pages.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(pages).forEach((id, runs) -> {
            text.append(id).append(':');
            for (PageRuns.Run<PageAccess> run : runs.all()) {
                text.append(" 0x").append(Long.toHexString(run.start())).append('+').append(run.pageCount())
                        .append("p=").append(run.value());
            }
            text.append('\n');
        });
        return text.toString();
    }
}
