package org.fwcts.targets.text;

/** JSON string literals, for the run files the suite writes by hand without an object mapper. */
public final class JsonText {
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {
    }

    /** Appends {@code value} to {@code out} as a JSON string, quotes included; plain runs are copied whole. */
    public static void quote(StringBuilder out, String value) {
        quote(out, value, LOWER_HEX, false);
    }

    /**
     * Appends {@code value} as Jackson's UTF-8 generator quotes it, for files once written with it:
     * control characters in upper-case hex, and every surrogate half (of a pair too) as an escape.
     */
    public static void quoteAsJackson(StringBuilder out, String value) {
        quote(out, value, UPPER_HEX, true);
    }

    private static void quote(StringBuilder out, String value, char[] hex, boolean escapeSurrogates) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !(escapeSurrogates && Character.isSurrogate(c))) {
                continue;
            }
            out.append(value, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u").append(hex[c >> 12]).append(hex[(c >> 8) & 0xF])
                        .append(hex[(c >> 4) & 0xF]).append(hex[c & 0xF]);
            }
        }
        out.append(value, plainFrom, value.length()).append('"');
    }
}
