package org.fwcts.targets.text;

/**
 * Turns text that a target (or a hand-edited file) supplied into text that is safe for one
 * sink: a terminal, Markdown, HTML (including Allure's report page) or a plain-text attachment.
 *
 * <p>The firmware under test is not trusted. Whatever it prints can reach a person's terminal
 * (where escape sequences retitle the window, clear the screen or forge hyperlinks) and every
 * report (where markup runs as a script in the reader's browser). Every sink therefore gets
 * its text through one of these methods: control characters are shown as {@code \xNN}, markup is
 * escaped the way the sink needs, and the length is bounded with the cut said in the text.
 */
public final class UntrustedText {
    /** Characters of one value shown on a terminal line or in an exception message. */
    public static final int LINE_LIMIT = 2_000;
    /** Characters of one block of text in a report (a failure message, a register table). */
    public static final int BLOCK_LIMIT = 20_000;
    /** Characters of one text attachment. */
    public static final int ATTACHMENT_LIMIT = 1_000_000;

    private UntrustedText() {
    }

    /** One line for a terminal or a message: every control character visible, line ends included. */
    public static String line(String text) {
        return visible(text, LINE_LIMIT, false);
    }

    /** Text of several lines for a terminal or a plain-text file: line ends and tabs kept, other controls visible. */
    public static String lines(String text, int limit) {
        return visible(text, limit, true);
    }

    /** Inline Markdown (a table cell, a heading, a paragraph): one line (line ends become spaces), no live markup. */
    public static String markdown(String text) {
        String shown = visible(text == null ? null : text.replace('\n', ' '), BLOCK_LIMIT, false);
        int listMarker = listMarker(shown);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '[', ']', '|', '~' -> out.append('\\').append(c);
                // An underscore between letters or digits cannot open emphasis (CommonMark §6.2): keep FID_W0 readable.
                case '_' -> out.append(between(shown, i) ? "_" : "\\_");
                default -> out.append(i == listMarker || (i == 0 && "#+-=".indexOf(c) >= 0) ? "\\" + c : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** A Markdown fenced code block showing {@code text} as written: its fence is longer than any backtick run inside. */
    public static String markdownBlock(String text) {
        String shown = visible(text, BLOCK_LIMIT, true);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < shown.length(); i++) {
            run = shown.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + shown + "\n" + fence;
    }

    /** HTML text or attribute content: line ends kept, other controls visible, markup escaped. */
    public static String html(String text, int limit) {
        String shown = visible(text, limit, true);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Makes every character that is not printable visible as {@code \xNN} (or {@code \\u{NNNN}}
     * beyond Latin-1), keeping line ends and tabs when {@code keepLines}, and cuts the text at
     * {@code limit} characters, saying how many were left out.
     */
    public static String visible(String text, int limit, boolean keepLines) {
        if (text == null) {
            return "null";
        }
        String kept = text.length() > limit ? text.substring(0, limit) : text;
        if (plainAscii(kept, keepLines)) {
            // The common case (a transcript of protocol lines): nothing to make visible, no copy char by char.
            return text.length() > limit ? kept + " [... " + (text.length() - limit) + " more characters not shown]" : kept;
        }
        StringBuilder out = new StringBuilder(kept.length() + 32);
        // Printable runs are copied whole: a register table's one em dash must not cost a copy per character.
        int runStart = 0;
        for (int i = 0; i < kept.length(); ) {
            int c = kept.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!printable(c) && !(keepLines && (c == '\n' || c == '\t'))) {
                out.append(kept, runStart, i);
                out.append(c <= 0xFF ? "\\x" : "\\u{");
                String digits = Integer.toHexString(c);
                for (int pad = digits.length(); pad < (c <= 0xFF ? 2 : 4); pad++) {
                    out.append('0');
                }
                out.append(digits).append(c <= 0xFF ? "" : "}");
                runStart = next;
            }
            i = next;
        }
        out.append(kept, runStart, kept.length());
        if (text.length() > limit) {
            out.append(" [... ").append(text.length() - limit).append(" more characters not shown]");
        }
        return out.toString();
    }

    /** True when every character of {@code text} is printable ASCII, or a line end or tab when {@code keepLines}. */
    private static boolean plainAscii(String text, boolean keepLines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c >= 0x7F) && !(keepLines && (c == '\n' || c == '\t'))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code text} holds nothing a terminal or parser would act on (for checks and self-tests). */
    public static boolean isInert(String text) {
        return text.codePoints().allMatch(c -> printable(c) || c == '\n' || c == '\t');
    }

    private static boolean printable(int c) {
        if (c >= 0x20 && c < 0x7F) {
            return true;
        }
        if (c < 0xA1) {
            // C0 and C1 controls, DEL and the no-break space (which hides a field separator).
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static boolean between(String text, int i) {
        return i > 0 && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i - 1))
                && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /**
     * The position of the {@code .} or {@code )} that would make the text an ordered list item
     * when it begins a Markdown block ({@code 1. }), or -1. A leading {@code #+-=} (heading, list,
     * rule) is escaped where it stands; a leading {@code >} is an entity anyway.
     */
    private static int listMarker(String text) {
        int digits = 0;
        while (digits < text.length() && digits < 10 && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        return digits > 0 && digits < text.length() && ".)".indexOf(text.charAt(digits)) >= 0 ? digits : -1;
    }
}
