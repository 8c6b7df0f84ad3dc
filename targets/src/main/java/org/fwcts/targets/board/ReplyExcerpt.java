package org.fwcts.targets.board;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A short, printable excerpt of an HTTP reply body for an error message. A power switch or a
 * proxy may echo the request back, headers and credential included, so header-like lines and
 * anything carrying a known secret or an authorization token are withheld, control characters
 * become visible, and the length is bounded with the cut said.
 */
final class ReplyExcerpt {
    static final int MAX_CHARS = 160;
    private static final Pattern HEADER_LINE = Pattern.compile("^\\s*[A-Za-z0-9-]{1,64}\\s*:.*");
    private static final Pattern TOKEN = Pattern.compile("(?i)\\b(basic|bearer|digest)\\s+\\S+");
    private static final String WITHHELD = "[withheld]";

    private ReplyExcerpt() {
    }

    /** {@code ": "excerpt""}, or an empty string when nothing printable is left. */
    static String of(String body, List<String> secrets) {
        String text = body == null ? "" : body;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                text = text.replace(secret, WITHHELD);
            }
        }
        List<String> kept = new ArrayList<>();
        int withheld = 0;
        for (String line : text.split("\\R")) {
            if (HEADER_LINE.matcher(line).matches()) {
                withheld++;
            } else if (!line.isBlank()) {
                kept.add(TOKEN.matcher(line.strip()).replaceAll("$1 " + WITHHELD));
            }
        }
        String joined = visible(String.join(" ", kept));
        String cut = joined.length() <= MAX_CHARS ? joined
                : joined.substring(0, MAX_CHARS) + "… (" + (joined.length() - MAX_CHARS) + " more characters)";
        String note = withheld == 0 ? "" : " (" + withheld + " header-like line(s) withheld)";
        return cut.isEmpty() && note.isEmpty() ? "" : ": \"" + cut + "\"" + note;
    }

    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\x%02x", c & 0xff));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
