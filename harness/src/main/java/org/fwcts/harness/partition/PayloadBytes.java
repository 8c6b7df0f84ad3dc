package org.fwcts.harness.partition;

/** Bytes packed into payload registers little-endian, {@code width} bytes per register, as the agent packs them. */
public final class PayloadBytes {

    private PayloadBytes() {
    }

    public static byte get(long[] registers, int first, int width, int index) {
        return (byte) (registers[first + index / width] >>> (8 * (index % width)));
    }

    public static void put(long[] registers, int first, int width, int index, byte value) {
        int register = first + index / width;
        int shift = 8 * (index % width);
        registers[register] = (registers[register] & ~(0xFFL << shift)) | (value & 0xFFL) << shift;
    }
}
