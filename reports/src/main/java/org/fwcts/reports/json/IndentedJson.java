package org.fwcts.reports.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.fwcts.targets.text.JsonText;

/**
 * A JSON document written straight into text, laid out byte for byte as Jackson's
 * {@code INDENT_OUTPUT} writes it to bytes: {@code "key" : value}, objects indented by two spaces
 * per level, arrays on one line ({@code [ 1, 2 ]}), empty ones as {@code { }} and {@code [ ]}.
 *
 * <p>A run writes its own JSON files with it ({@code run.json}, {@code summary.json}, Allure's
 * {@code categories.json}) without starting an object mapper, in the bytes Jackson wrote them in.
 * Entries go in the order they are added.
 */
public final class IndentedJson {
    private final StringBuilder out = new StringBuilder(1024);
    /** Per open container: whether it is an array, and how many entries it has so far. */
    private boolean[] arrays = new boolean[8];
    private int[] entries = new int[8];
    private int depth;
    private int objectDepth;
    private boolean afterName;

    public IndentedJson startObject() {
        beforeValue();
        out.append('{');
        open(false);
        objectDepth++;
        return this;
    }

    public IndentedJson endObject() {
        close(false);
        objectDepth--;
        if (entries[depth] > 0) {
            newLine(objectDepth);
        } else {
            out.append(' ');
        }
        out.append('}');
        return this;
    }

    /** Arrays stay on the line they start on and add no indent: an object in one indents as if it stood where the array does. */
    public IndentedJson startArray() {
        beforeValue();
        out.append('[');
        open(true);
        return this;
    }

    public IndentedJson endArray() {
        close(true);
        out.append(" ]");
        return this;
    }

    /** The name of the next entry of the open object; its value comes next. */
    public IndentedJson name(String name) {
        if (depth == 0 || arrays[depth - 1] || afterName) {
            throw new IllegalStateException("a name belongs in an object, before a value: " + name);
        }
        out.append(entries[depth - 1]++ > 0 ? ",\n" : "\n");
        indent(objectDepth);
        quote(name);
        out.append(" : ");
        afterName = true;
        return this;
    }

    /** A string, or {@code null} for none. */
    public IndentedJson value(String value) {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    public IndentedJson nullValue() {
        return value((String) null);
    }

    public IndentedJson value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public IndentedJson value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** A number, or {@code null} for none. */
    public IndentedJson value(Number value) {
        beforeValue();
        out.append(value == null ? "null" : value.toString());
        return this;
    }

    public IndentedJson field(String name, String value) {
        return name(name).value(value);
    }

    public IndentedJson field(String name, long value) {
        return name(name).value(value);
    }

    public IndentedJson field(String name, boolean value) {
        return name(name).value(value);
    }

    /** An entry whose value is an array of strings. */
    public IndentedJson strings(String name, Iterable<String> values) {
        name(name).startArray();
        for (String value : values) {
            value(value);
        }
        return endArray();
    }

    /** The document as text; call after its last {@code end}. */
    @Override
    public String toString() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " JSON container(s) still open");
        }
        return out.toString();
    }

    /** The document in UTF-8, the bytes Jackson would write. */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    private void beforeValue() {
        if (depth == 0) {
            if (out.length() > 0) {
                throw new IllegalStateException("a JSON document has one root value");
            }
        } else if (arrays[depth - 1]) {
            out.append(entries[depth - 1]++ > 0 ? ", " : " ");
        } else if (!afterName) {
            throw new IllegalStateException("a value in an object needs a name first");
        }
        afterName = false;
    }

    private void open(boolean array) {
        if (depth == arrays.length) {
            arrays = Arrays.copyOf(arrays, depth * 2);
            entries = Arrays.copyOf(entries, depth * 2);
        }
        arrays[depth] = array;
        entries[depth++] = 0;
    }

    private void close(boolean array) {
        if (depth == 0 || arrays[depth - 1] != array || afterName) {
            throw new IllegalStateException("no open " + (array ? "array" : "object") + " to end here");
        }
        depth--;
    }

    private void newLine(int level) {
        out.append('\n');
        indent(level);
    }

    private void indent(int level) {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    /** Quotes as Jackson's UTF-8 generator does, which {@code JsonText.quote} does not (hex case, surrogate pairs). */
    private void quote(String value) {
        JsonText.quoteAsJackson(out, value);
    }
}
