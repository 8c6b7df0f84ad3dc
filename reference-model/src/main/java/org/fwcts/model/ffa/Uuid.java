package org.fwcts.model.ffa;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A 128-bit UUID as FF-A carries it in memory (16 bytes in textual order) and in registers.
 *
 * <p>The bytes are kept in the order the canonical text shows them: {@code mostSignificant} holds
 * bytes 0..7 and {@code leastSignificant} bytes 8..15, each big-endian. In registers
 * (FFA_PARTITION_INFO_GET w1..w4, DEN0077A "Partition identification and discovery") the 16 bytes
 * are read as four little-endian 32-bit words: Linux does {@code export_uuid()} into a {@code u32[4]},
 * Hafnium stores {@code struct ffa_uuid { uint32_t uuid[4]; }}, and TF-A's FVP manifests pair
 * "486178e0-e7f8-11e3-bc5e-0002a5d5c51b" with {@code <0xe0786148 0xe311f8e7 0x02005ebc 0x1bc5d5a5>}.
 * The 64-bit REGS variant (FFA_PARTITION_INFO_GET_REGS, DIRECT_REQ2) packs x1 = w1 | w2 << 32 and
 * x2 = w3 | w4 << 32 (Hafnium {@code ffa_uuid_to_u64x2}).
 */
public record Uuid(long mostSignificant, long leastSignificant) {
    /** The all-zero UUID: "every partition" in FFA_PARTITION_INFO_GET. */
    public static final Uuid NIL = new Uuid(0, 0);

    /** Bytes in memory and in the wire format. */
    public static final int SIZE = 16;

    private static final int TEXT_LENGTH = 36;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The UUID whose 16 bytes, in textual order, start at {@code offset} of {@code bytes}. */
    public static Uuid fromBytes(byte[] bytes, int offset) {
        Objects.checkFromIndexSize(offset, SIZE, bytes.length);
        return new Uuid(bigEndianLong(bytes, offset), bigEndianLong(bytes, offset + 8));
    }

    /** The UUID of exactly 16 bytes in textual order. */
    public static Uuid fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a UUID is 16 bytes, got " + bytes.length);
        }
        return fromBytes(bytes, 0);
    }

    /** Reads 16 bytes at the buffer's position (whatever its byte order) and advances it. */
    public static Uuid readFrom(ByteBuffer buffer) {
        byte[] bytes = new byte[SIZE];
        buffer.get(bytes);
        return fromBytes(bytes, 0);
    }

    /** Reads 16 bytes at absolute {@code index}, leaving the buffer's position alone. */
    public static Uuid readFrom(ByteBuffer buffer, int index) {
        byte[] bytes = new byte[SIZE];
        buffer.get(index, bytes);
        return fromBytes(bytes, 0);
    }

    /** The UUID passed in w1..w4: each word holds four UUID bytes, least significant byte first. */
    public static Uuid fromRegisterWords(int w1, int w2, int w3, int w4) {
        return new Uuid(pack(Integer.reverseBytes(w1), Integer.reverseBytes(w2)),
                pack(Integer.reverseBytes(w3), Integer.reverseBytes(w4)));
    }

    /** The UUID passed in x1/x2 by the 64-bit calls: x1 = w1 | w2 << 32, x2 = w3 | w4 << 32. */
    public static Uuid fromRegisterPair(long x1, long x2) {
        return fromRegisterWords((int) x1, (int) (x1 >>> 32), (int) x2, (int) (x2 >>> 32));
    }

    /** Parses the canonical form {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} (either case). */
    public static Uuid parse(String text) {
        if (text.length() != TEXT_LENGTH) {
            throw new IllegalArgumentException("not a UUID (want 36 characters): '" + text + "'");
        }
        byte[] bytes = new byte[SIZE];
        int out = 0;
        for (int i = 0; i < TEXT_LENGTH; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (text.charAt(i) != '-') {
                    throw new IllegalArgumentException("not a UUID (want '-' at " + i + "): '" + text + "'");
                }
                continue;
            }
            int high = Character.digit(text.charAt(i), 16);
            int low = Character.digit(text.charAt(++i), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("not a UUID (bad hex digit near " + i + "): '" + text + "'");
            }
            bytes[out++] = (byte) (high << 4 | low);
        }
        return fromBytes(bytes, 0);
    }

    /** The four 32-bit words w1..w4 that carry this UUID in SMC32 registers. */
    public int[] registerWords() {
        return new int[] {
            Integer.reverseBytes((int) (mostSignificant >>> 32)),
            Integer.reverseBytes((int) mostSignificant),
            Integer.reverseBytes((int) (leastSignificant >>> 32)),
            Integer.reverseBytes((int) leastSignificant),
        };
    }

    /** The two 64-bit registers x1, x2 that carry this UUID in the REGS and DIRECT_REQ2 calls. */
    public long[] registerPair() {
        int[] w = registerWords();
        return new long[] {pack(w[1], w[0]), pack(w[3], w[2])};
    }

    /** The 16 bytes in textual order, as they appear in a descriptor. */
    public byte[] toBytes() {
        byte[] bytes = new byte[SIZE];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (mostSignificant >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (leastSignificant >>> (56 - 8 * i));
        }
        return bytes;
    }

    /** Writes the 16 bytes at the buffer's position (whatever its byte order) and advances it. */
    public void writeTo(ByteBuffer buffer) {
        buffer.put(toBytes());
    }

    /** Writes the 16 bytes at absolute {@code index}, leaving the buffer's position alone. */
    public void writeTo(ByteBuffer buffer, int index) {
        buffer.put(index, toBytes());
    }

    public boolean isNil() {
        return mostSignificant == 0 && leastSignificant == 0;
    }

    @Override
    public String toString() {
        char[] text = new char[TEXT_LENGTH];
        byte[] bytes = toBytes();
        int out = 0;
        for (int i = 0; i < SIZE; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                text[out++] = '-';
            }
            text[out++] = HEX[(bytes[i] >>> 4) & 0xF];
            text[out++] = HEX[bytes[i] & 0xF];
        }
        return new String(text);
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    private static long bigEndianLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }
}
