package org.fwcts.model.ffa.memory;

import java.util.ArrayList;
import java.util.Arrays;
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
    private static final AccessMap EMPTY = new AccessMap(new EndpointId[0], new PageRuns<?>[0]);
    /** The endpoints with access to some page, in ascending order, and their runs: a few, so arrays beat a map. */
    private final EndpointId[] endpoints;
    private final PageRuns<?>[] runs;

    private AccessMap(EndpointId[] endpoints, PageRuns<?>[] runs) {
        this.endpoints = endpoints;
        this.runs = runs;
    }

    public static AccessMap of(List<OwnedRange> owned) {
        AccessMap map = EMPTY;
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
        int index = Arrays.binarySearch(endpoints, endpoint);
        if (index >= 0 && changed.isEmpty()) {
            EndpointId[] fewer = new EndpointId[endpoints.length - 1];
            PageRuns<?>[] fewerRuns = new PageRuns<?>[runs.length - 1];
            System.arraycopy(endpoints, 0, fewer, 0, index);
            System.arraycopy(endpoints, index + 1, fewer, index, fewer.length - index);
            System.arraycopy(runs, 0, fewerRuns, 0, index);
            System.arraycopy(runs, index + 1, fewerRuns, index, fewerRuns.length - index);
            return new AccessMap(fewer, fewerRuns);
        }
        if (index >= 0) {
            PageRuns<?>[] replaced = runs.clone();
            replaced[index] = changed;
            return new AccessMap(endpoints, replaced);
        }
        if (changed.isEmpty()) {
            return this;
        }
        int at = -index - 1;
        EndpointId[] more = new EndpointId[endpoints.length + 1];
        PageRuns<?>[] moreRuns = new PageRuns<?>[runs.length + 1];
        System.arraycopy(endpoints, 0, more, 0, at);
        System.arraycopy(endpoints, at, more, at + 1, endpoints.length - at);
        System.arraycopy(runs, 0, moreRuns, 0, at);
        System.arraycopy(runs, at, moreRuns, at + 1, runs.length - at);
        more[at] = endpoint;
        moreRuns[at] = changed;
        return new AccessMap(more, moreRuns);
    }

    /**
     * {@code endpoint}'s accessible runs within {@code pageCount} pages from {@code base}, clipped
     * to them: what reclaim must restore exactly (pages absent from the list have no access).
     */
    public List<OwnedRange> ranges(EndpointId endpoint, long base, long pageCount) {
        List<OwnedRange> found = new ArrayList<>();
        addRanges(endpoint, base, pageCount, found);
        return found;
    }

    /** Appends {@link #ranges(EndpointId, long, long)} to {@code found}. */
    public void addRanges(EndpointId endpoint, long base, long pageCount, List<OwnedRange> found) {
        for (PageRuns.Run<PageAccess> run : runs(endpoint).within(pageOf(base), covering(base, pageCount))) {
            found.add(new OwnedRange(endpoint, run.start(), (int) run.pageCount(), run.value()));
        }
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

    @SuppressWarnings("unchecked")
    private PageRuns<PageAccess> runs(EndpointId endpoint) {
        for (int i = 0; i < endpoints.length; i++) {
            if (endpoints[i].equals(endpoint)) {
                return (PageRuns<PageAccess>) runs[i];
            }
        }
        return PageRuns.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessMap that && Arrays.equals(endpoints, that.endpoints) && Arrays.equals(runs, that.runs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(endpoints) + Arrays.hashCode(runs);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (EndpointId id : endpoints) {
            text.append(id).append(':');
            for (PageRuns.Run<PageAccess> run : runs(id).all()) {
                text.append(" 0x").append(Long.toHexString(run.start())).append('+').append(run.pageCount())
                        .append("p=").append(run.value());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
