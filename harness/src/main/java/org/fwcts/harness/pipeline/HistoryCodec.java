package org.fwcts.harness.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.ExceptionReport;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;

/**
 * The JSON form of history lines: registers as 18 hex strings, buffers as hex, the observation as
 * exactly one of {@code completed}, {@code faulted} and {@code indeterminate}.
 */
final class HistoryCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private HistoryCodec() {
    }

    static String boot(int boot, String reason) {
        ObjectNode node = JSON.createObjectNode().put("type", "boot").put("boot", boot).put("reason", reason);
        return node.toString();
    }

    static String call(CallEntry entry) {
        ObjectNode node = JSON.createObjectNode().put("type", "call").put("seq", entry.sequence()).put("boot", entry.boot());
        node.put("test", entry.test().orElse(null));
        node.put("caller", String.format("0x%04x", entry.caller().value())).put("conduit", entry.conduit().name());
        node.set("in", registers(entry.registers()));
        node.put("tx", HEX.formatHex(entry.tx()));
        Observation observation = entry.observation();
        if (observation instanceof Observation.Completed completed) {
            node.set("completed", registers(completed.registers()));
        } else if (observation instanceof Observation.Faulted faulted) {
            ExceptionReport e = faulted.exception();
            node.set("faulted", JSON.createObjectNode().put("esr", hex(e.esr())).put("far", hex(e.far()))
                    .put("elr", hex(e.elr())));
        } else {
            node.put("indeterminate", ((Observation.Indeterminate) observation).reason());
        }
        node.put("rx", entry.observed().rx().map(HEX::formatHex).orElse(null));
        ArrayNode exchanges = node.putArray("exchanges");
        for (Exchange exchange : entry.observed().exchanges()) {
            ObjectNode pair = exchanges.addObject();
            pair.set("request", registers(exchange.request()));
            pair.set("response", registers(exchange.response()));
        }
        node.put("carrier", entry.observed().carrier());
        // Written only when a call used memory beyond its TX/RX buffers, so older readers see what they knew.
        if (!entry.memoryIn().isEmpty()) {
            node.set("memIn", regions(entry.memoryIn()));
        }
        if (!entry.observed().memoryOut().isEmpty()) {
            node.set("memOut", regions(entry.observed().memoryOut()));
        }
        return node.toString();
    }

    static String verdict(Judgement judgement) {
        return JSON.createObjectNode().put("type", "verdict").put("seq", judgement.entry().sequence())
                .put("verdict", judgement.verdict().name()).put("rule", judgement.rule())
                .put("prediction", judgement.prediction()).toString();
    }

    /** Parses one line; throws IllegalArgumentException saying what is wrong with it. */
    static HistoryLine parse(int number, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
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

    private static ArrayNode regions(List<MemoryRegion> regions) {
        ArrayNode array = JSON.createArrayNode();
        for (MemoryRegion region : regions) {
            array.addObject().put("addr", hex(region.address())).put("bytes", HEX.formatHex(region.bytes()));
        }
        return array;
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
        if (node.has("indeterminate")) {
            return new Observation.Indeterminate(text(node, "indeterminate"));
        }
        throw new IllegalArgumentException("none of completed, faulted, indeterminate");
    }

    private static ArrayNode registers(Registers registers) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < Registers.COUNT; i++) {
            array.add(hex(registers.x(i)));
        }
        return array;
    }

    private static Registers registers(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray() || array.size() != Registers.COUNT) {
            throw new IllegalArgumentException(field + ": expected " + Registers.COUNT + " registers");
        }
        long[] values = new long[Registers.COUNT];
        for (int i = 0; i < values.length; i++) {
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
