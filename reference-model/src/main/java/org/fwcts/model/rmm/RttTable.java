package org.fwcts.model.rmm;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One RTT of a realm: the IPA range it covers from {@code baseIpa} at {@code level}, and its
 * entries (a root of concatenated tables has 512 entries per table). Immutable: changes return
 * copies.
 *
 * <p>The entries sit in chunks of {@value #CHUNK}: a change copies the one chunk it touches and
 * the short list of chunks, and shares every other chunk with the table it came from, so that
 * RTT_CREATE, RTT_DESTROY and the RIPAS commands do not copy 512 entries per step. Each table
 * counts its live entries, so that liveness needs no scan.
 */
public final class RttTable {
    /** Entries per chunk: 16 chunks make a 512-entry table. */
    private static final int CHUNK_BITS = 5;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final long pa;
    private final int level;
    private final long baseIpa;
    private final int size;
    /** Never written once the table is built; shared between tables. */
    private final Chunk[] chunks;
    private final int liveCount;
    private final int refCount;

    private RttTable(long pa, int level, long baseIpa, int size, Chunk[] chunks, int liveCount, int refCount) {
        this.pa = pa;
        this.level = level;
        this.baseIpa = baseIpa;
        this.size = size;
        this.chunks = chunks;
        this.liveCount = liveCount;
        this.refCount = refCount;
    }

    /** A table holding a copy of {@code entries}. */
    RttTable(long pa, int level, long baseIpa, RttEntry[] entries) {
        this(pa, level, baseIpa, entries.length, chunksOf(entries), countLive(entries), countReferences(entries));
    }

    /** Uniform 512-entry tables' chunk lists, shared: chunks are never written in place. */
    private static final Map<RttEntry, Chunk[]> UNIFORM = new ConcurrentHashMap<>();

    /** A table whose every entry is {@code fill}. */
    static RttTable filled(long pa, int level, long baseIpa, int count, RttEntry fill) {
        int live = fill.live() ? count : 0;
        int references = fill.referenced() ? count : 0;
        if (count == Granules.ENTRIES) {
            return new RttTable(pa, level, baseIpa, count, UNIFORM.computeIfAbsent(fill, RttTable::uniform), live,
                    references);
        }
        RttEntry[] entries = new RttEntry[count];
        Arrays.fill(entries, fill);
        return new RttTable(pa, level, baseIpa, count, chunksOf(entries), live, references);
    }

    private static Chunk[] uniform(RttEntry fill) {
        RttEntry[] entries = new RttEntry[CHUNK];
        Arrays.fill(entries, fill);
        Chunk[] chunks = new Chunk[Granules.ENTRIES / CHUNK];
        Arrays.fill(chunks, new Chunk(entries));
        return chunks;
    }

    private static Chunk[] chunksOf(RttEntry[] entries) {
        Chunk[] chunks = new Chunk[(entries.length + CHUNK - 1) >>> CHUNK_BITS];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Chunk(Arrays.copyOfRange(entries, c << CHUNK_BITS, Math.min(entries.length, (c + 1) << CHUNK_BITS)));
        }
        return chunks;
    }

    private static int countReferences(RttEntry[] entries) {
        int references = 0;
        for (RttEntry entry : entries) {
            if (entry.referenced()) {
                references++;
            }
        }
        return references;
    }

    private static int countLive(RttEntry[] entries) {
        int live = 0;
        for (RttEntry entry : entries) {
            if (entry.live()) {
                live++;
            }
        }
        return live;
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
        return size;
    }

    public RttEntry entry(int index) {
        if (index < 0 || index >= size) {
            throw new ArrayIndexOutOfBoundsException("RTT entry " + index + " of " + size);
        }
        return chunks[index >>> CHUNK_BITS].entries[index & (CHUNK - 1)];
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
        return ipaOf(size);
    }

    RttTable with(int index, RttEntry entry) {
        RttEntry old = entry(index);
        if (old == entry) {
            return this;
        }
        int c = index >>> CHUNK_BITS;
        int change = (entry.live() ? 1 : 0) - (old.live() ? 1 : 0);
        Chunk[] spine = chunks.clone();
        RttEntry[] entries = spine[c].entries.clone();
        entries[index & (CHUNK - 1)] = entry;
        spine[c] = new Chunk(entries, spine[c].live + change);
        int references = refCount + (entry.referenced() ? 1 : 0) - (old.referenced() ? 1 : 0);
        return new RttTable(pa, level, baseIpa, size, spine, liveCount + change, references);
    }

    /** Whether any entry is a table or assigned. */
    public boolean live() {
        return liveCount > 0;
    }

    /**
     * How many entries hold a reference on the table: child tables and protected assigned entries. Host (NS) mappings
     * do not (TF-RMM keeps this count in the RTT granule's refcount; RTT_DESTROY, RTT_FOLD and REALM_DESTROY read it).
     */
    public int references() {
        return refCount;
    }

    /** The index of the first live entry from {@code from}, or {@link #size()} if none; chunks without one are skipped whole. */
    int nextLive(int from) {
        int i = from;
        while (i < size) {
            Chunk chunk = chunks[i >>> CHUNK_BITS];
            if (chunk.live == 0) {
                i = (i | (CHUNK - 1)) + 1;
                continue;
            }
            if (chunk.entries[i & (CHUNK - 1)].live()) {
                return i;
            }
            i++;
        }
        return size;
    }

    /** Up to {@value #CHUNK} consecutive entries and how many of them are live; never written once built. */
    private static final class Chunk {
        final RttEntry[] entries;
        final int live;

        Chunk(RttEntry[] entries) {
            this(entries, countLive(entries));
        }

        Chunk(RttEntry[] entries, int live) {
            this.entries = entries;
            this.live = live;
        }
    }
}
