package org.fwcts.reports.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("JSON written by hand in Jackson's indented layout")
class IndentedJsonTests {
    private static final ObjectMapper JACKSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Strings Jackson escapes in its own way: control characters, DEL, '/', non-ASCII, pairs and lone surrogate halves. */
    private static final String AWKWARD = "\"q\" \\ / \u0000\u0001\u001f\u007f\b\t\n\f\r é € \u2028 \uFFFF"
            + " \uD83D\uDE00 lone \uD800 and \uDC00 end";

    private static Map<String, Object> object(Object... entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], entries[i + 1]);
        }
        return map;
    }

    static Stream<Object> documents() {
        return Stream.of(
                object(),
                List.of(),
                object("empty", object(), "none", List.of(), "null", null),
                object("s", AWKWARD, AWKWARD, "key too", "n", Long.MIN_VALUE, "m", Long.MAX_VALUE, "t", true, "f", false),
                object("scalars", List.of("a", "b", AWKWARD), "numbers", List.of(0L, -1L, 42L), "mixed", Arrays.asList("x", null, true, 7L)),
                List.of(object("a", 1L), object(), object("b", List.of(object("c", object("d", List.of()))))),
                object("arrays", List.of(List.of(), List.of(List.of("deep")), List.of(object("k", "v"))),
                        "objects", object("one", object("two", object("three", object("four", ""))))),
                nested(20));
    }

    /** Deeper than the writer's first stack of open containers. */
    private static Object nested(int depth) {
        return depth == 0 ? "bottom" : depth % 2 == 0 ? List.of(nested(depth - 1)) : object("level", nested(depth - 1));
    }

    /** Writes {@code value} (maps, lists, strings, longs, booleans, nulls) through the writer under test. */
    private static void write(IndentedJson json, Object value) {
        if (value instanceof Map<?, ?> map) {
            json.startObject();
            map.forEach((name, item) -> write(json.name((String) name), item));
            json.endObject();
        } else if (value instanceof List<?> list) {
            json.startArray();
            list.forEach(item -> write(json, item));
            json.endArray();
        } else if (value instanceof Long number) {
            json.value(number.longValue());
        } else if (value instanceof Boolean flag) {
            json.value(flag.booleanValue());
        } else {
            json.value((String) value);
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    @DisplayName("gives the bytes Jackson's INDENT_OUTPUT gives for the same values")
    void sameBytesAsJackson(Object document) throws Exception {
        IndentedJson json = new IndentedJson();
        write(json, document);
        assertThat(new String(json.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(JACKSON.writeValueAsBytes(document), StandardCharsets.UTF_8));
        assertThat(json.toBytes()).isEqualTo(JACKSON.writeValueAsBytes(document));
    }

    @Test
    @DisplayName("reads back as the strings it was given, awkward ones included")
    void awkwardStringsReadBack() throws Exception {
        byte[] bytes = new IndentedJson().startObject().field(AWKWARD, AWKWARD).strings("list", List.of(AWKWARD, ""))
                .endObject().toBytes();
        Map<?, ?> read = JACKSON.readValue(bytes, Map.class);
        assertThat(read.get(AWKWARD)).isEqualTo(AWKWARD);
        assertThat(read.get("list")).isEqualTo(List.of(AWKWARD, ""));
    }

    @Test
    @DisplayName("refuses a value without a name in an object, a name in an array, and a document left open")
    void refusesMisuse() {
        assertThatThrownBy(() -> new IndentedJson().startObject().value("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IndentedJson().startArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IndentedJson().startArray().endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IndentedJson().startObject().toBytes()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IndentedJson().value(1).value(2)).isInstanceOf(IllegalStateException.class);
    }
}
