package org.fwcts.model.ffa;

/**
 * Turns hand-written hex, one field per string, into bytes, so expected layouts read like the spec table.
 *
 * <p>Spaces, underscores and {@code |} are ignored; each string must hold whole bytes.
 */
public final class HexBytes {
    private HexBytes() {
    }

    public static byte[] of(String... fields) {
        StringBuilder digits = new StringBuilder();
        for (String field : fields) {
            String clean = field.replace(" ", "").replace("_", "").replace("|", "");
            if (clean.length() % 2 != 0) {
                throw new IllegalArgumentException("odd number of hex digits in '" + field + "'");
            }
            digits.append(clean);
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** {@code count} zero bytes, for reserved fields. */
    public static String zeros(int count) {
        return "00".repeat(count);
    }
}
