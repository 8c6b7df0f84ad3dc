package org.fwcts.harness.agent;

/**
 * A number as the agent protocol writes it: lower-case hex, no {@code 0x}, no leading zeros,
 * at most 64 bits (PROTOCOL.md, "Lines"). Anything else in a reply is the agent's error.
 */
final class WireNumber {
    private WireNumber() {
    }

    static boolean isValid(String field) {
        int length = field.length();
        if (length == 0 || length > 16 || length > 1 && field.charAt(0) == '0') {
            return false;
        }
        // Every reply field is checked: a loop over at most 16 characters, not a pattern match.
        for (int i = 0; i < length; i++) {
            char c = field.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The value of a field {@link #isValid} accepted. */
    static long parse(String field) {
        if (!isValid(field)) {
            throw new IllegalArgumentException("not a protocol number: " + field);
        }
        return Long.parseUnsignedLong(field, 16);
    }
}
