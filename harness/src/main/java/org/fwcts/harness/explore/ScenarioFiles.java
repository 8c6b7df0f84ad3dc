package org.fwcts.harness.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.Generators;
import org.fwcts.model.ffa.EndpointId;

/**
 * Scenario files (YAML): {@code name}, {@code origin}, {@code rule}, and {@code steps}, each with
 * {@code area}, {@code kind}, {@code caller} (hex endpoint ID) and {@code params}. Reading checks
 * every field against the generators and names the file and field that is wrong.
 */
public final class ScenarioFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Every value quoted: an unquoted 0x8001 is a number to YAML 1.1 readers.
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ScenarioFiles() {
    }

    /** Writes {@code scenario} as {@code <folder>/<name>.yaml}; returns the file. */
    public static Path write(Path folder, Scenario scenario) throws IOException {
        ObjectNode root = YAML.createObjectNode();
        root.put("name", scenario.name());
        root.put("origin", scenario.origin());
        root.put("rule", scenario.rule());
        ArrayNode steps = root.putArray("steps");
        for (Action action : scenario.actions()) {
            ObjectNode step = steps.addObject();
            step.put("area", action.area());
            step.put("kind", action.kind());
            step.put("caller", String.format("0x%04x", action.caller().value()));
            if (!action.params().isEmpty()) {
                ObjectNode params = step.putObject("params");
                action.params().forEach(params::put);
            }
        }
        Files.createDirectories(folder);
        Path file = folder.resolve(scenario.name() + ".yaml");
        String header = "# A sequence `fwcts explore` found and shrank; `fwcts run --tag scenario` replays it on a fresh"
                + " boot.\n# Each step is made concrete against the model's state as it runs (handles by origin, not value).\n";
        // Whole or not at all: a replay reads every file of the folder, and an explore stopped mid-write must not
        // leave one cut short.
        Path partial = folder.resolve("." + scenario.name() + ".yaml.partial");
        Files.writeString(partial, header + YAML.writeValueAsString(root));
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** Every {@code *.yaml} file in {@code folder} (or {@code folder} itself when it is a file), by name. */
    public static List<Path> list(Path folder) throws IOException {
        if (Files.isRegularFile(folder)) {
            return List.of(folder);
        }
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Whether {@code file} reads as a scenario of {@code generators}' areas. */
    public static boolean reads(Path file, List<AreaGenerator> generators) {
        try {
            read(file, generators);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Reads one scenario file.
     *
     * @throws IllegalArgumentException naming the file and the field when it cannot be read or is malformed
     */
    public static Scenario read(Path file, List<AreaGenerator> generators) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read as a scenario: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": not a scenario (expected a mapping with name and steps)");
        }
        String defaultName = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String name = text(root, "name", defaultName);
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw new IllegalArgumentException(file + ": steps: missing or empty (a list of steps)");
        }
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String where = file + ": steps[" + i + "]";
            JsonNode step = steps.get(i);
            if (!step.isObject()) {
                throw new IllegalArgumentException(where + ": not a mapping with area, kind, caller, params");
            }
            String area = required(step, "area", where);
            String kind = required(step, "kind", where);
            AreaGenerator generator = Generators.find(generators, area).orElseThrow(() -> new IllegalArgumentException(
                    where + ".area: unknown area '" + area + "' (known: "
                            + String.join(", ", generators.stream().map(AreaGenerator::area).toList()) + ")"));
            if (!generator.kinds().contains(kind)) {
                throw new IllegalArgumentException(where + ".kind: '" + kind + "' is not a kind of area " + area
                        + " (known: " + String.join(", ", new java.util.TreeSet<>(generator.kinds())) + ")");
            }
            EndpointId caller = endpoint(required(step, "caller", where), where + ".caller");
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode given = step.get("params");
            if (given != null && !given.isNull()) {
                if (!given.isObject()) {
                    throw new IllegalArgumentException(where + ".params: not a mapping of names to values");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (!entry.getValue().isValueNode()) {
                        throw new IllegalArgumentException(where + ".params." + entry.getKey() + ": not a single value");
                    }
                    params.put(entry.getKey(), entry.getValue().asText());
                }
            }
            actions.add(new Action(area, kind, caller, params));
        }
        return new Scenario(name, text(root, "origin", ""), text(root, "rule", ""), actions);
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + ": missing");
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static EndpointId endpoint(String text, String where) {
        String hex = text.trim().replaceFirst("^0[xX]", "");
        try {
            int value = Integer.parseInt(hex, 16);
            if (value < 0 || value > 0xFFFF) {
                throw new NumberFormatException();
            }
            return EndpointId.of(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a 16-bit endpoint ID in hex", e);
        }
    }
}
