package org.fwcts.targets.descriptor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fwcts.targets.TargetException;

/**
 * A YAML mapping read field by field, where every error names the file and the dotted path of
 * the field at fault.
 */
public final class YamlNode {
    private final Path file;
    private final String path;
    private final Map<?, ?> node;

    YamlNode(Path file, String path, Map<?, ?> node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Fails unless every key of this mapping is one of {@code known}. */
    public YamlNode allowOnly(Set<String> known) {
        for (Object key : node.keySet()) {
            String name = (String) key;
            if (!known.contains(name)) {
                throw error(name, "unknown field (known here: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return this;
    }

    /** The keys of this mapping, in file order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.keySet().forEach(key -> names.add((String) key));
        return names;
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> error(name, "missing field"));
    }

    /** A single value with its {@code ${VARIABLE}}s replaced from the environment. */
    public Optional<String> optionalString(String name) {
        return optionalVerbatim(name).map(text -> expandVariables(name, text));
    }

    /**
     * A required single value as written, its {@code ${VARIABLE}}s checked but not replaced: for
     * shell commands, which the shell expands from the same environment and which are shown in
     * errors as written, not with a secret a variable holds.
     */
    public String verbatim(String name) {
        String text = optionalVerbatim(name).orElseThrow(() -> error(name, "missing field"));
        expandVariables(name, text);
        return text;
    }

    private Optional<String> optionalVerbatim(String name) {
        Object value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String single)) {
            throw error(name, "expected a single value");
        }
        String text = single.trim();
        if (text.isEmpty()) {
            throw error(name, "must not be empty");
        }
        return Optional.of(text);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = optionalString(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.decode(text.get());
            if (value < min || value > max) {
                throw error(name, "must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(name, "expected a whole number, got '" + text.get() + "'");
        }
    }

    /** A required address, written in hex ({@code 0x70000000}) or decimal. */
    public long address(String name) {
        String text = string(name);
        try {
            long value = text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
                    : Long.parseUnsignedLong(text);
            return value;
        } catch (NumberFormatException e) {
            throw error(name, "expected an address such as 0x70000000, got '" + text + "'");
        }
    }

    public Optional<YamlNode> optionalMapping(String name) {
        Object value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> mapping)) {
            throw error(name, "expected a mapping of fields");
        }
        return Optional.of(new YamlNode(file, qualified(name), mapping));
    }

    public YamlNode mapping(String name) {
        return optionalMapping(name).orElseThrow(() -> error(name, "missing field"));
    }

    /** The mapping {@code name}, or an empty one standing for it when the descriptor has none. */
    public YamlNode mappingOrEmpty(String name) {
        return optionalMapping(name).orElseGet(() -> new YamlNode(file, qualified(name), Map.of()));
    }

    public List<String> strings(String name) {
        Object value = node.get(name);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> items)) {
            throw error(name, "expected a list");
        }
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Map || item instanceof List) {
                throw error(name + "[" + i + "]", "expected a single value");
            }
            result.add(expandVariables(name + "[" + i + "]", item == null ? "null" : (String) item));
        }
        return result;
    }

    /** The entries of a mapping whose values are single values, in file order. */
    public Map<String, String> stringMap(String name) {
        Map<String, String> result = new LinkedHashMap<>();
        optionalMapping(name).ifPresent(child -> child.node.forEach((key, value) -> {
            String field = (String) key;
            if (value instanceof Map || value instanceof List) {
                throw child.error(field, "expected a single value");
            }
            result.put(field, child.expandVariables(field, value == null ? "null" : (String) value));
        }));
        return result;
    }

    /** The child mappings of a mapping, by key, in file order. */
    public Map<String, YamlNode> mappings(String name) {
        Map<String, YamlNode> result = new LinkedHashMap<>();
        YamlNode parent = mapping(name);
        parent.node.keySet().forEach(key -> result.put((String) key, parent.mapping((String) key)));
        return result;
    }

    /**
     * A path named by field {@code name}, resolved against the descriptor's folder, with
     * {@code ~/} and {@code ${VARIABLE}} expanded from the environment.
     */
    public Optional<Path> optionalPath(String name) {
        return optionalString(name).map(text -> pathIn(name, text));
    }

    /** {@code text}, a path given in field {@code name} (its variables already replaced), resolved as {@link #optionalPath} does. */
    public Path pathIn(String name, String text) {
        return file.getParent().resolve(expandHome(text)).normalize();
    }

    private String expandVariables(String name, String text) {
        java.util.regex.Matcher matcher = VARIABLE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String value = System.getenv(matcher.group(1));
            if ((value == null || value.isBlank()) && matcher.group(2) != null) {
                value = matcher.group(2);
            }
            if (value == null || value.isBlank()) {
                throw error(name, "environment variable " + matcher.group(1) + " is not set (the value is '" + text + "')");
            }
            matcher.appendReplacement(expanded, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    public TargetException error(String name, String problem) {
        return new TargetException(file + ": " + qualified(name) + ": " + problem);
    }

    /** The dotted path of field {@code name} of this mapping, as errors name it. */
    public String path(String name) {
        return qualified(name);
    }

    public Path file() {
        return file;
    }

    private String qualified(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** {@code ${NAME}}, or {@code ${NAME:-default}} for a value used when NAME is unset or empty (as the shell reads it). */
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private static String expandHome(String text) {
        return text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text;
    }
}
