package org.fwcts.harness.agent;

import java.util.regex.Pattern;

/**
 * A number as the agent protocol writes it: lower-case hex, no {@code 0x}, no leading zeros,
 * at most 64 bits (PROTOCOL.md, "Lines"). Anything else in a reply is the agent's error.
 */
final class WireNumber {
    private static final Pattern FORM = Pattern.compile("0|[1-9a-f][0-9a-f]{0,15}");

    private WireNumber() {
    }

    static boolean isValid(String field) {
        return FORM.matcher(field).matches();
    }

    /** The value of a field {@link #isValid} accepted. */
    static long parse(String field) {
        if (!isValid(field)) {
            throw new IllegalArgumentException("not a protocol number: " + field);
        }
        return Long.parseUnsignedLong(field, 16);
    }
}
