package org.fwcts.targets.descriptor;

import java.util.Optional;

/**
 * A place in a text by line and column, both from 1, as editors count them.
 *
 * @param line the line
 * @param column the column, in characters
 * @param character the character there, as {@code U+0007}, or empty
 */
record TextPosition(int line, int column, String character) {

    /** The position just after {@code text}: where whatever follows it starts. */
    static TextPosition after(String text) {
        return at(text, text.length());
    }

    /**
     * The first character YAML 1.2 does not allow in a stream (C0 controls other than tab, line
     * feed and carriage return; DEL; C1 controls other than NEL; U+FFFE and U+FFFF).
     */
    static Optional<TextPosition> firstDisallowed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean c0 = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            boolean c1 = c >= 0x7F && c <= 0x9F && c != 0x85;
            if (c0 || c1 || c == 0xFFFE || c == 0xFFFF) {
                TextPosition at = at(text, i);
                return Optional.of(new TextPosition(at.line, at.column, String.format("U+%04X", (int) c)));
            }
        }
        return Optional.empty();
    }

    private static TextPosition at(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, index - lineStart + 1, "");
    }
}
