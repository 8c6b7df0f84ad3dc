package org.fwcts.model.ffa.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable map from 4 KiB pages to values, kept as maximal runs of equal values so that a
 * region of a million pages costs one entry, not a million.
 *
 * <p>The runs sit in one array in address order: the model holds a handful per endpoint, and a
 * change copies that array once (a search tree would copy more and allocate a node per run).
 * Addresses are compared as unsigned 64-bit values; a run's end is exclusive.
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

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final PageRuns<?> EMPTY = new PageRuns(new Run[0]);
    private final Run<V>[] runs;

    private PageRuns(Run<V>[] runs) {
        this.runs = runs;
    }

    @SuppressWarnings("unchecked")
    static <V> PageRuns<V> empty() {
        return (PageRuns<V>) EMPTY;
    }

    /** The value of the page holding {@code address}, if it has one. */
    Optional<V> at(long address) {
        long page = address & ~(PAGE - 1);
        int index = floor(page);
        if (index < 0 || Long.compareUnsigned(page, runs[index].end()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(runs[index].value());
    }

    /** A copy where {@code pageCount} pages from {@code base} hold {@code value}, or nothing when it is null. */
    @SuppressWarnings("unchecked")
    PageRuns<V> with(long base, long pageCount, V value) {
        if (pageCount == 0) {
            return this;
        }
        long end = base + pageCount * PAGE;
        List<Run<V>> changed = new ArrayList<>(runs.length + 2);
        int i = 0;
        for (; i < runs.length && Long.compareUnsigned(runs[i].end(), base) <= 0; i++) {
            changed.add(runs[i]);
        }
        Run<V> straddlingEnd = null;
        for (; i < runs.length && Long.compareUnsigned(runs[i].start(), end) < 0; i++) {
            Run<V> run = runs[i];
            if (Long.compareUnsigned(run.start(), base) < 0) {
                changed.add(new Run<>(run.start(), base, run.value()));
            }
            if (Long.compareUnsigned(run.end(), end) > 0) {
                straddlingEnd = new Run<>(end, run.end(), run.value());
            }
        }
        if (value != null) {
            append(changed, new Run<>(base, end, value));
        }
        if (straddlingEnd != null) {
            append(changed, straddlingEnd);
        }
        if (i < runs.length) {
            append(changed, runs[i++]);
        }
        for (; i < runs.length; i++) {
            changed.add(runs[i]);
        }
        return changed.isEmpty() ? empty() : new PageRuns<>(changed.toArray(new Run[0]));
    }

    /** Adds {@code run} after the last of {@code runs}, joining the two when they touch and hold equal values. */
    private static <V> void append(List<Run<V>> runs, Run<V> run) {
        int last = runs.size() - 1;
        if (last >= 0) {
            Run<V> before = runs.get(last);
            if (before.end() == run.start() && Objects.equals(before.value(), run.value())) {
                runs.set(last, new Run<>(before.start(), run.end(), before.value()));
                return;
            }
        }
        runs.add(run);
    }

    /** The runs that lie within {@code pageCount} pages from {@code base}, clipped to it. */
    List<Run<V>> within(long base, long pageCount) {
        long end = base + pageCount * PAGE;
        int i = floor(base);
        if (i < 0 || Long.compareUnsigned(runs[i].end(), base) <= 0) {
            i++;
        }
        List<Run<V>> found = new ArrayList<>(2);
        for (; i < runs.length && Long.compareUnsigned(runs[i].start(), end) < 0; i++) {
            Run<V> run = runs[i];
            boolean whole = Long.compareUnsigned(run.start(), base) >= 0 && Long.compareUnsigned(run.end(), end) <= 0;
            found.add(whole ? run : new Run<>(Long.compareUnsigned(run.start(), base) < 0 ? base : run.start(),
                    Long.compareUnsigned(run.end(), end) > 0 ? end : run.end(), run.value()));
        }
        return found;
    }

    /** Whether each of {@code pageCount} pages from {@code base} holds {@code value}, without listing the runs. */
    boolean allHold(long base, long pageCount, V value) {
        long end = base + pageCount * PAGE;
        int i = floor(base);
        if (i < 0 || Long.compareUnsigned(runs[i].end(), base) <= 0) {
            i++;
        }
        long covered = 0;
        for (; i < runs.length && Long.compareUnsigned(runs[i].start(), end) < 0; i++) {
            Run<V> run = runs[i];
            if (!run.value().equals(value)) {
                return false;
            }
            long start = Long.compareUnsigned(run.start(), base) < 0 ? base : run.start();
            long stop = Long.compareUnsigned(run.end(), end) > 0 ? end : run.end();
            covered += (stop - start) / PAGE;
        }
        return covered == pageCount;
    }

    /** Every run, in address order. */
    List<Run<V>> all() {
        return Collections.unmodifiableList(Arrays.asList(runs));
    }

    boolean isEmpty() {
        return runs.length == 0;
    }

    /** The index of the last run starting at or below {@code address}, or -1. */
    private int floor(long address) {
        int low = 0;
        int high = runs.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Long.compareUnsigned(runs[middle].start(), address) <= 0) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageRuns<?> that && Arrays.equals(runs, that.runs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(runs);
    }
}
