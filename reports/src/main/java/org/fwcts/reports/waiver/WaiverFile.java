package org.fwcts.reports.waiver;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a waiver file. The layout:
 *
 * <pre>
 * waivers:
 *   - rule: SMCCC.FID_W0            # or  test: "full test name" (exactly one of the two)
 *     justification: QEMU's built-in PSCI decodes all of x0; accepted for emulator runs
 *     expires: 2027-06-30           # the last day it applies
 * </pre>
 *
 * <p>Any problem is one {@link BadWaiverFileException} naming the file and the field, e.g.
 * {@code waivers.yaml: waivers[1].expires: 'soon' is not a date (yyyy-mm-dd)}.
 */
public final class WaiverFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ENTRY_FIELDS = Set.of("rule", "test", "justification", "expires");

    private WaiverFile() {
    }

    /**
     * Loads {@code file}; a {@code rule:} must name a rule that {@code knownRule} accepts, so a
     * mistyped rule ID is an error rather than a waiver that never applies.
     */
    public static Waivers load(Path file, Predicate<String> knownRule) {
        if (!Files.isRegularFile(file)) {
            throw new BadWaiverFileException(file, "", "no such file");
        }
        JsonNode root = read(file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new BadWaiverFileException(file, "waivers", "missing field (the file is empty)");
        }
        if (!root.isObject()) {
            throw new BadWaiverFileException(file, "", "expected a mapping with the field 'waivers'");
        }
        unknownFields(file, "", root, Set.of("waivers"));
        JsonNode entries = root.get("waivers");
        if (entries == null || entries.isNull()) {
            throw new BadWaiverFileException(file, "waivers", "missing field");
        }
        if (!entries.isArray()) {
            throw new BadWaiverFileException(file, "waivers", "expected a list of waivers");
        }
        List<Waiver> waivers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            waivers.add(entry(file, "waivers[" + i + "]", entries.get(i), knownRule));
        }
        return new Waivers(file, waivers);
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadWaiverFileException(file, "not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadWaiverFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Waiver entry(Path file, String path, JsonNode node, Predicate<String> knownRule) {
        if (!node.isObject()) {
            throw new BadWaiverFileException(file, path, "expected a mapping with rule or test, justification and expires");
        }
        unknownFields(file, path, node, ENTRY_FIELDS);
        boolean hasRule = node.hasNonNull("rule");
        if (hasRule == node.hasNonNull("test")) {
            throw new BadWaiverFileException(file, path, "needs exactly one of 'rule' and 'test'");
        }
        Waiver.Scope scope = hasRule ? Waiver.Scope.RULE : Waiver.Scope.TEST;
        String subject = text(file, path, node, scope.field());
        if (scope == Waiver.Scope.RULE && !knownRule.test(subject)) {
            throw new BadWaiverFileException(file, path + ".rule", "unknown rule '" + subject + "' (./fwcts list shows the rules)");
        }
        String justification = text(file, path, node, "justification");
        String expires = text(file, path, node, "expires");
        try {
            return new Waiver(scope, subject, justification, LocalDate.parse(expires));
        } catch (DateTimeParseException e) {
            throw new BadWaiverFileException(file, path + ".expires", "'" + expires + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static String text(Path file, String path, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadWaiverFileException(file, path + "." + field, "missing field");
        }
        if (!value.isValueNode()) {
            throw new BadWaiverFileException(file, path + "." + field, "expected a single value");
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            throw new BadWaiverFileException(file, path + "." + field, "must not be empty");
        }
        return text;
    }

    private static void unknownFields(Path file, String path, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadWaiverFileException(file, path.isEmpty() ? name : path + "." + name,
                        "unknown field (known here: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }
}
