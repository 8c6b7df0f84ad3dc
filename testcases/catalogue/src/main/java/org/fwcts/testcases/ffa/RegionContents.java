package org.fwcts.testcases.ffa;

import java.util.Arrays;
import java.util.zip.CRC32;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.testcases.support.FfaCheck;

/**
 * What a test region holds, as the test wrote it and as the model's memory effects change it
 * (the clear-memory flags): the expectation a hash of the region is checked against.
 */
final class RegionContents {
    private final long base;
    private final byte[] bytes;

    RegionContents(long base, int length, int fill) {
        this.base = base;
        this.bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
    }

    void fill(int value) {
        Arrays.fill(bytes, (byte) value);
    }

    /** Applies the effects of the outcome the target's answer matched. */
    void apply(FfaCheck check) {
        for (MemoryEffect effect : check.judgedAgainst().effects()) {
            long from = Math.max(base, effect.base());
            long to = Math.min(base + bytes.length, effect.base() + (long) effect.pageCount() * 4096);
            for (long address = from; address < to; address++) {
                bytes[(int) (address - base)] = 0;
            }
        }
    }

    int length() {
        return bytes.length;
    }

    /** CRC-32 as the agents' {@code hash} computes it. */
    long crc() {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
