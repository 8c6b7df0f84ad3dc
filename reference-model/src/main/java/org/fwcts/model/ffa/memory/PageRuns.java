package org.fwcts.model.ffa.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable map from 4 KiB pages to values, kept as maximal runs of equal values so that a
 * region of a million pages costs one entry, not a million.
 *
 * <p>Addresses are compared as unsigned 64-bit values; a run's end is exclusive.
 *
 * @param <V> what each page holds (an access, an owner)
 */
final class PageRuns<V> {
    static final long PAGE = 4096;

    /** One run of pages: [start, end) holding {@code value}. */
    record Run<V>(long start, long end, V value) {
        long pageCount() {
            return (end - start) / PAGE;
        }
    }

    private static final PageRuns<?> EMPTY = new PageRuns<>(Collections.emptyNavigableMap());
    private final NavigableMap<Long, Run<V>> runs;

    private PageRuns(NavigableMap<Long, Run<V>> runs) {
        this.runs = runs;
    }

    @SuppressWarnings("unchecked")
    static <V> PageRuns<V> empty() {
        return (PageRuns<V>) EMPTY;
    }

    /** The value of the page holding {@code address}, if it has one. */
    Optional<V> at(long address) {
        long page = address & ~(PAGE - 1);
        Map.Entry<Long, Run<V>> entry = runs.floorEntry(page);
        if (entry == null || Long.compareUnsigned(page, entry.getValue().end()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(entry.getValue().value());
    }

    /** A copy where {@code pageCount} pages from {@code base} hold {@code value}, or nothing when it is null. */
    PageRuns<V> with(long base, long pageCount, V value) {
        if (pageCount == 0) {
            return this;
        }
        long end = base + pageCount * PAGE;
        TreeMap<Long, Run<V>> changed = new TreeMap<>(Long::compareUnsigned);
        changed.putAll(runs);
        cut(changed, base);
        cut(changed, end);
        changed.subMap(base, true, end, false).clear();
        if (value != null) {
            changed.put(base, new Run<>(base, end, value));
            merge(changed, base);
            merge(changed, end);
        }
        return new PageRuns<>(Collections.unmodifiableNavigableMap(changed));
    }

    /** The runs that lie within {@code pageCount} pages from {@code base}, clipped to it. */
    List<Run<V>> within(long base, long pageCount) {
        long end = base + pageCount * PAGE;
        List<Run<V>> found = new ArrayList<>();
        Map.Entry<Long, Run<V>> first = runs.floorEntry(base);
        Long from = first != null && Long.compareUnsigned(first.getValue().end(), base) > 0 ? first.getKey() : base;
        for (Run<V> run : runs.subMap(from, true, end, false).values()) {
            long start = Long.compareUnsigned(run.start(), base) < 0 ? base : run.start();
            long stop = Long.compareUnsigned(run.end(), end) > 0 ? end : run.end();
            if (Long.compareUnsigned(start, stop) < 0) {
                found.add(new Run<>(start, stop, run.value()));
            }
        }
        return found;
    }

    /** Every run, in address order. */
    List<Run<V>> all() {
        return List.copyOf(runs.values());
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Splits the run containing {@code at} (if any) so that a run starts at {@code at}. */
    private static <V> void cut(TreeMap<Long, Run<V>> runs, long at) {
        Map.Entry<Long, Run<V>> entry = runs.lowerEntry(at);
        if (entry == null) {
            return;
        }
        Run<V> run = entry.getValue();
        if (Long.compareUnsigned(run.end(), at) > 0) {
            runs.put(run.start(), new Run<>(run.start(), at, run.value()));
            runs.put(at, new Run<>(at, run.end(), run.value()));
        }
    }

    /** Joins the run starting at {@code at} with the one ending there when their values are equal. */
    private static <V> void merge(TreeMap<Long, Run<V>> runs, long at) {
        Run<V> next = runs.get(at);
        Map.Entry<Long, Run<V>> previous = runs.lowerEntry(at);
        if (next == null || previous == null) {
            return;
        }
        Run<V> before = previous.getValue();
        if (before.end() == at && Objects.equals(before.value(), next.value())) {
            runs.remove(at);
            runs.put(before.start(), new Run<>(before.start(), next.end(), before.value()));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageRuns<?> that && runs.equals(that.runs);
    }

    @Override
    public int hashCode() {
        return runs.hashCode();
    }
}
