package org.fwcts.harness.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.ExceptionReport;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.targets.text.JsonText;
import org.fwcts.model.Hex;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;

/**
 * The JSON form of history lines: registers as up to 18 hex strings (trailing zero ones left out), buffers as hex, the observation as
 * exactly one of {@code completed}, {@code faulted} and {@code indeterminate}.
 */
final class HistoryCodec {
    private static final HexFormat HEX = HexFormat.of();

    /** The mapper for reading lines back, made on first read: a run that only writes its history loads none. */
    private static final class Reader {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private HistoryCodec() {
    }

    static String boot(int boot, String reason) {
        return new Line().text("type", "boot").number("boot", boot).text("reason", reason).end();
    }

    /** Written straight into one buffer: a call's line is the largest part of recording it. */
    static String call(CallEntry entry) {
        Line line = new Line().text("type", "call").number("seq", entry.sequence()).number("boot", entry.boot())
                .text("test", entry.test().orElse(null))
                .text("caller", endpoint(entry.caller().value()))
                .text("conduit", entry.conduit().name()).registers("in", entry.registers())
                .text("tx", HEX.formatHex(entry.tx()));
        Observation observation = entry.observation();
        if (observation instanceof Observation.Completed completed) {
            line.registers("completed", completed.registers());
        } else if (observation instanceof Observation.Faulted faulted) {
            ExceptionReport e = faulted.exception();
            line.open("faulted").text("esr", hex(e.esr())).text("far", hex(e.far())).text("elr", hex(e.elr())).close();
        } else if (observation instanceof Observation.NotReturned notReturned) {
            line.open("notReturned").number("waitedMs", notReturned.waited().toMillis());
            notReturned.cause().ifPresent(cause -> line.text("cause", cause));
            line.close();
        } else {
            line.text("indeterminate", ((Observation.Indeterminate) observation).reason());
        }
        line.text("rx", entry.observed().rx().map(HEX::formatHex).orElse(null));
        line.name("exchanges").out.append('[');
        boolean first = true;
        for (Exchange exchange : entry.observed().exchanges()) {
            line.out.append(first ? "" : ",");
            first = false;
            line.fresh = true;
            line.out.append('{');
            line.registers("request", exchange.request()).registers("response", exchange.response()).out.append('}');
        }
        line.out.append(']');
        line.number("carrier", entry.observed().carrier());
        // Written only when a call used memory beyond its TX/RX buffers, so older readers see what they knew.
        if (!entry.memoryIn().isEmpty()) {
            line.regions("memIn", entry.memoryIn());
        }
        if (!entry.observed().memoryOut().isEmpty()) {
            line.regions("memOut", entry.observed().memoryOut());
        }
        return line.end();
    }

    /** {@code 0x} and four hex digits. */
    private static String endpoint(int id) {
        String digits = Integer.toHexString(id);
        return digits.length() >= 4 ? "0x" + digits : "0x" + "0000".substring(digits.length()) + digits;
    }

    static String verdict(Judgement judgement) {
        return new Line().text("type", "verdict").number("seq", judgement.entry().sequence())
                .text("verdict", judgement.verdict().name()).text("rule", judgement.rule())
                .text("prediction", judgement.prediction()).end();
    }

    /** One JSON object written field by field, as compact as Jackson writes it. */
    private static final class Line {
        private final StringBuilder out = new StringBuilder(512).append('{');
        private boolean fresh = true;

        Line name(String name) {
            if (!fresh) {
                out.append(',');
            }
            fresh = false;
            out.append('"').append(name).append("\":");
            return this;
        }

        Line text(String name, String value) {
            name(name);
            if (value == null) {
                out.append("null");
            } else {
                quoted(value);
            }
            return this;
        }

        Line number(String name, long value) {
            name(name).out.append(value);
            return this;
        }

        Line registers(String name, Registers registers) {
            name(name).out.append('[');
            // Trailing zero registers are left out (most calls use a few): a third of the file's size.
            int count = Registers.COUNT;
            while (count > 1 && registers.x(count - 1) == 0) {
                count--;
            }
            for (int i = 0; i < count; i++) {
                Hex.append(out.append(i == 0 ? "\"0x" : ",\"0x"), registers.x(i)).append('"');
            }
            out.append(']');
            return this;
        }

        Line regions(String name, List<MemoryRegion> regions) {
            name(name).out.append('[');
            for (int i = 0; i < regions.size(); i++) {
                out.append(i == 0 ? "" : ",");
                fresh = true;
                out.append('{');
                text("addr", hex(regions.get(i).address())).text("bytes", HEX.formatHex(regions.get(i).bytes()));
                out.append('}');
            }
            out.append(']');
            return this;
        }

        Line open(String name) {
            name(name).out.append('{');
            fresh = true;
            return this;
        }

        Line close() {
            out.append('}');
            fresh = false;
            return this;
        }

        String end() {
            return out.append('}').toString();
        }

        private void quoted(String value) {
            JsonText.quote(out, value);
        }
    }

    /** Parses one line; throws IllegalArgumentException saying what is wrong with it. */
    static HistoryLine parse(int number, String text) {
        JsonNode node;
        try {
            node = Reader.JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object (truncated or damaged): " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = text(node, "type");
        switch (type) {
            case "boot":
                return new HistoryLine.Boot(number, integer(node, "boot"), text(node, "reason"));
            case "verdict":
                return new HistoryLine.Judged(number, integer(node, "seq"), verdict(text(node, "verdict")),
                        text(node, "rule"), text(node, "prediction"));
            case "call":
                return new HistoryLine.Call(number, entry(node));
            default:
                throw new IllegalArgumentException("type: unknown line type '" + type + "'");
        }
    }

    private static CallEntry entry(JsonNode node) {
        Optional<String> test = node.hasNonNull("test") ? Optional.of(text(node, "test")) : Optional.empty();
        EndpointId caller = EndpointId.of(Integer.decode(text(node, "caller")));
        Conduit conduit;
        try {
            conduit = Conduit.valueOf(text(node, "conduit"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("conduit: unknown conduit '" + text(node, "conduit") + "'");
        }
        Optional<byte[]> rx = node.hasNonNull("rx") ? Optional.of(bytes(node, "rx")) : Optional.empty();
        List<Exchange> exchanges = new ArrayList<>();
        JsonNode pairs = node.get("exchanges");
        if (pairs == null || !pairs.isArray()) {
            throw new IllegalArgumentException("exchanges: missing list");
        }
        for (JsonNode pair : pairs) {
            exchanges.add(new Exchange(registers(pair, "request"), registers(pair, "response")));
        }
        Observed observed = new Observed(observation(node), rx, exchanges, integer(node, "carrier"),
                regions(node, "memOut"));
        return new CallEntry(integer(node, "seq"), integer(node, "boot"), test, caller, conduit, registers(node, "in"),
                bytes(node, "tx"), observed, regions(node, "memIn"));
    }

    /** The regions under {@code field}; none when the field is absent (histories written before it existed). */
    private static List<MemoryRegion> regions(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(field + ": not a list");
        }
        List<MemoryRegion> regions = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode region = array.get(i);
            regions.add(new MemoryRegion(number(region, "addr"), bytes(region, "bytes")));
        }
        return regions;
    }

    private static Observation observation(JsonNode node) {
        if (node.has("completed")) {
            return new Observation.Completed(registers(node, "completed"));
        }
        if (node.has("faulted")) {
            JsonNode f = node.get("faulted");
            return new Observation.Faulted(new ExceptionReport(number(f, "esr"), number(f, "far"), number(f, "elr")));
        }
        if (node.has("notReturned")) {
            JsonNode waited = node.get("notReturned").get("waitedMs");
            if (waited == null || !waited.canConvertToLong() || waited.asLong() < 0) {
                throw new IllegalArgumentException("notReturned.waitedMs: expected a number of milliseconds");
            }
            JsonNode cause = node.get("notReturned").get("cause");
            if (cause != null && !cause.isTextual() && !cause.isNull()) {
                throw new IllegalArgumentException("notReturned.cause: expected why the call could not return, as text");
            }
            return new Observation.NotReturned(java.time.Duration.ofMillis(waited.asLong()),
                    Optional.ofNullable(cause == null || cause.isNull() ? null : cause.asText()));
        }
        if (node.has("indeterminate")) {
            return new Observation.Indeterminate(text(node, "indeterminate"));
        }
        throw new IllegalArgumentException("none of completed, faulted, notReturned, indeterminate");
    }

    private static Registers registers(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray() || array.isEmpty() || array.size() > Registers.COUNT) {
            throw new IllegalArgumentException(field + ": expected 1 to " + Registers.COUNT
                    + " registers (those left out are zero)");
        }
        long[] values = new long[Registers.COUNT];
        for (int i = 0; i < array.size(); i++) {
            values[i] = parseHex(field + "[" + i + "]", array.get(i).asText());
        }
        return Registers.of(values);
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static long number(JsonNode node, String field) {
        return parseHex(field, text(node, field));
    }

    private static long parseHex(String field, String text) {
        try {
            return Long.parseUnsignedLong(text.startsWith("0x") ? text.substring(2) : text, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a hex number");
        }
    }

    private static byte[] bytes(JsonNode node, String field) {
        try {
            return HEX.parseHex(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": not hex bytes");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + ": missing field");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException(field + ": missing or not a number");
        }
        return value.asInt();
    }

    private static Verdict verdict(String name) {
        try {
            return Verdict.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verdict: unknown verdict '" + name + "'");
        }
    }
}
