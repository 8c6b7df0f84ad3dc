package org.fwcts.model.rmm;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One RTT of a realm: the IPA range it covers from {@code baseIpa} at {@code level}, and its
 * entries (a root of concatenated tables has 512 entries per table). Immutable: changes return
 * copies.
 */
public final class RttTable {
    private final long pa;
    private final int level;
    private final long baseIpa;
    private final RttEntry[] entries;

    RttTable(long pa, int level, long baseIpa, RttEntry[] entries) {
        this.pa = pa;
        this.level = level;
        this.baseIpa = baseIpa;
        this.entries = entries;
    }

    /** Uniform 512-entry tables, shared: a table's entries are never written in place ({@link #with} copies). */
    private static final Map<RttEntry, RttEntry[]> UNIFORM = new ConcurrentHashMap<>();

    /** A table whose every entry is {@code fill}. */
    static RttTable filled(long pa, int level, long baseIpa, int count, RttEntry fill) {
        if (count == Granules.ENTRIES && fill.state() == RttEntry.State.UNASSIGNED) {
            return new RttTable(pa, level, baseIpa, UNIFORM.computeIfAbsent(fill, RttTable::uniform));
        }
        RttEntry[] entries = new RttEntry[count];
        Arrays.fill(entries, fill);
        return new RttTable(pa, level, baseIpa, entries);
    }

    private static RttEntry[] uniform(RttEntry fill) {
        RttEntry[] entries = new RttEntry[Granules.ENTRIES];
        Arrays.fill(entries, fill);
        return entries;
    }

    public long pa() {
        return pa;
    }

    public int level() {
        return level;
    }

    public long baseIpa() {
        return baseIpa;
    }

    public int size() {
        return entries.length;
    }

    public RttEntry entry(int index) {
        return entries[index];
    }

    /** The index of the entry mapping {@code ipa}, which must be inside the table's range. */
    public int indexOf(long ipa) {
        return (int) ((ipa - baseIpa) >>> Granules.shift(level));
    }

    public long ipaOf(int index) {
        return baseIpa + index * Granules.blockSize(level);
    }

    /** The end of the IPA range the table covers. */
    public long topIpa() {
        return ipaOf(entries.length);
    }

    RttTable with(int index, RttEntry entry) {
        RttEntry[] copy = entries.clone();
        copy[index] = entry;
        return new RttTable(pa, level, baseIpa, copy);
    }

    /** Whether any entry is a table or assigned. */
    public boolean live() {
        for (RttEntry entry : entries) {
            if (entry.live()) {
                return true;
            }
        }
        return false;
    }
}
