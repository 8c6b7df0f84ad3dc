package org.fwcts.model.ffa.handler.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.memory.CompositeRegion;
import org.fwcts.model.ffa.memory.Constituent;

/**
 * Where the fields of a memory transaction descriptor lie, read from its header as the decoder reads
 * it, and the repairs {@link TolerantDecoder} makes in place. Out-of-range fields are left alone.
 */
record DescriptorGeometry(boolean v1_0, long emadOffset, long emadSize, long count, long compositeOffset) {

    static DescriptorGeometry of(byte[] bytes, int length, SpecVersion version) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean v1_0 = !version.atLeast(1, 1);
        long emadOffset = v1_0 ? 32 : u32(in, 32, length);
        long emadSize = v1_0 ? 16 : u32(in, 24, length);
        long count = u32(in, 28, length);
        long composite = emadSize >= 8 ? u32(in, emadOffset + 4, length) : 0;
        return new DescriptorGeometry(v1_0, emadOffset, emadSize, count, composite);
    }

    long emadEnd() {
        return emadOffset + count * emadSize;
    }

    boolean clearHeaderReserved(byte[] bytes) {
        if (v1_0) {
            return zero(bytes, 3, 1) & zero(bytes, 24, 4);
        }
        return zero(bytes, 36, 12);
    }

    boolean clearAttributeReserved(byte[] bytes) {
        bytes[2] &= 0x7F;
        if (!v1_0) {
            bytes[3] = 0;
        }
        return true;
    }

    int rawAttributes(byte[] bytes) {
        return v1_0 ? bytes[2] & 0xFF : (bytes[2] & 0xFF) | (bytes[3] & 0xFF) << 8;
    }

    boolean clearEmadReserved(byte[] bytes) {
        boolean done = true;
        for (int i = 0; i < count; i++) {
            done &= zero(bytes, emadOffset + i * emadSize + (emadSize == 32 ? 24 : 8), 8);
        }
        return done;
    }

    boolean clearPermissions(byte[] bytes) {
        boolean done = true;
        for (int i = 0; i < count; i++) {
            done &= zero(bytes, emadOffset + i * emadSize + 2, 1);
        }
        return done;
    }

    int rawPermissions(byte[] bytes, int index) {
        return bytes[(int) (emadOffset + index * emadSize + 2)] & 0xFF;
    }

    boolean clearCompositeReserved(byte[] bytes) {
        return zero(bytes, compositeOffset + 8, 8);
    }

    boolean clearConstituentReserved(byte[] bytes) {
        boolean done = true;
        for (int i = 0; i < constituentCount(bytes); i++) {
            done &= zero(bytes, compositeOffset + 16 + 16L * i + 12, 4);
        }
        return done;
    }

    /** Replaces every constituent by a distinct one-page run and the total by their count. */
    boolean replaceConstituents(byte[] bytes) {
        ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int constituents = constituentCount(bytes);
        if (compositeOffset + 16 + 16L * constituents > bytes.length) {
            return false;
        }
        out.putInt((int) compositeOffset, constituents);
        for (int i = 0; i < constituents; i++) {
            int at = (int) compositeOffset + 16 + 16 * i;
            out.putLong(at, (long) i * Constituent.PAGE_SIZE);
            out.putInt(at + 8, 1);
        }
        return true;
    }

    CompositeRegion rawRegion(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Constituent> constituents = new ArrayList<>();
        for (int i = 0; i < constituentCount(bytes); i++) {
            int at = (int) compositeOffset + 16 + 16 * i;
            constituents.add(new Constituent(in.getLong(at), Integer.toUnsignedLong(in.getInt(at + 8))));
        }
        return new CompositeRegion(Integer.toUnsignedLong(in.getInt((int) compositeOffset)), constituents);
    }

    void clearCompositeOffsets(byte[] bytes) {
        for (int i = 0; i < count; i++) {
            zero(bytes, emadOffset + i * emadSize + 4, 4);
        }
    }

    private int constituentCount(byte[] bytes) {
        if (compositeOffset + 8 > bytes.length) {
            return 0;
        }
        long count = u32(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), compositeOffset + 4, bytes.length);
        return (int) Math.min(count, (bytes.length - compositeOffset) / 16);
    }

    private static boolean zero(byte[] bytes, long at, int count) {
        if (at < 0 || at + count > bytes.length) {
            return false;
        }
        Arrays.fill(bytes, (int) at, (int) at + count, (byte) 0);
        return true;
    }

    private static long u32(ByteBuffer in, long at, int length) {
        return at >= 0 && at + 4 <= Math.min(length, in.capacity()) ? Integer.toUnsignedLong(in.getInt((int) at)) : 0;
    }
}
