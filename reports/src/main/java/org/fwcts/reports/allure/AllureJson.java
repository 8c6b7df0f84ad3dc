package org.fwcts.reports.allure;

import org.fwcts.targets.text.JsonText;

import java.nio.charset.StandardCharsets;

/**
 * Compact JSON text of one Allure result file, written field by field in the order Allure's own
 * writer uses. Objects and arrays nest; a comma goes before every member but the first of each.
 */
final class AllureJson {
    private final StringBuilder out = new StringBuilder(2048);
    /** Whether the innermost open object or array has a member yet, one bit per nesting level. */
    private long filled;

    AllureJson beginObject() {
        member();
        out.append('{');
        filled <<= 1;
        return this;
    }

    /** An object member named {@code name}. */
    AllureJson beginObject(String name) {
        key(name);
        out.append('{');
        filled <<= 1;
        return this;
    }

    AllureJson endObject() {
        out.append('}');
        filled >>>= 1;
        return this;
    }

    AllureJson beginArray(String name) {
        key(name);
        out.append('[');
        filled <<= 1;
        return this;
    }

    AllureJson endArray() {
        out.append(']');
        filled >>>= 1;
        return this;
    }

    /** A string member; none when {@code value} is null, as Allure leaves out unset fields. */
    AllureJson field(String name, String value) {
        if (value != null) {
            key(name);
            string(value);
        }
        return this;
    }

    AllureJson field(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    AllureJson field(String name, boolean value) {
        key(name);
        out.append(value);
        return this;
    }

    /** A string element of the open array. */
    AllureJson element(String value) {
        member();
        string(value);
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void key(String name) {
        member();
        out.append('"').append(name).append("\":");
    }

    /** The comma before a member that is not its container's first. */
    private void member() {
        if ((filled & 1) != 0) {
            out.append(',');
        }
        filled |= 1;
    }

    private void string(String value) {
        JsonText.quote(out, value);
    }
}
