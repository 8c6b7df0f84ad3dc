package org.fwcts.model;

/** Hexadecimal text for identifiers in summaries, without {@code String.format} (which parses its pattern each call). */
public final class Hex {
    private static final char[] LOWER = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /**
     * Appends {@code value}'s hex digits, lower case, without leading zeros ("0" for zero), as
     * {@link Long#toHexString} writes them but with no string made on the way.
     */
    public static StringBuilder append(StringBuilder out, long value) {
        int shift = Math.max(0, (Long.SIZE - Long.numberOfLeadingZeros(value) - 1) & ~3);
        for (; shift >= 0; shift -= 4) {
            out.append(LOWER[(int) (value >>> shift) & 0xF]);
        }
        return out;
    }

    /** "0x" and {@code value} in at least {@code digits} hex digits, as {@code %0<digits>x} or {@code X} would write it. */
    public static String padded(long value, int digits, boolean upperCase) {
        char[] alphabet = upperCase ? UPPER : LOWER;
        int length = Math.max(digits, (Long.SIZE - Long.numberOfLeadingZeros(value) + 3) / 4);
        char[] text = new char[length + 2];
        text[0] = '0';
        text[1] = 'x';
        for (int i = length + 1; i >= 2; i--) {
            text[i] = alphabet[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(text);
    }
}
