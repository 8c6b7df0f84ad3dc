package org.fwcts.testcases.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.descriptor.FfaSettings;
import org.fwcts.targets.descriptor.TargetDescriptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.targets.TargetException;
import org.fwcts.reports.json.IndentedJson;

/**
 * What a run was asked to do (target and selection) and the model it was judged with, kept in its
 * folder as {@code run.json} from the start, so {@code fwcts run --resume} can finish an interrupted
 * run the same way and {@code fwcts recheck} can judge it again without the target's descriptor
 * (whose firmware paths and variables belong to the machine that ran it).
 *
 * @param model the profile, its overrides and the FF-A scratch pages; null in runs written before it was kept
 */
record RunInvocation(String runId, String target, List<String> tags, List<String> names, ModelSetup model) {

    /** The model a run was judged with: its profile, the overrides applied, and the normal world's scratch pages. */
    record ModelSetup(String profile, Map<String, String> profileOverrides, Long scratchBase, Integer scratchPages) {

        static ModelSetup of(TargetDescriptor descriptor) {
            Optional<FfaSettings> ffa = descriptor.ffa();
            return new ModelSetup(descriptor.kind().profile(descriptor), new LinkedHashMap<>(descriptor.profileOverrides()),
                    ffa.map(FfaSettings::scratchBase).orElse(null), ffa.map(FfaSettings::scratchPages).orElse(null));
        }

        Optional<FfaSettings> scratch() {
            return scratchBase == null || scratchPages == null ? Optional.empty()
                    : Optional.of(new FfaSettings(scratchBase, scratchPages));
        }
    }
    static final String FILE = org.fwcts.reports.RunFiles.INVOCATION;

    RunInvocation {
        tags = List.copyOf(tags);
        names = List.copyOf(names);
    }

    SuiteSelection selection() {
        return new SuiteSelection(tags, names);
    }

    /** Writes run.json whole: written beside, then moved into place, so no reader sees half of it. */
    void write(Path runDir) {
        Path file = runDir.resolve(FILE);
        Path partial = runDir.resolve(FILE + ".partial");
        try {
            Files.createDirectories(runDir);
            Files.writeString(partial, json());
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** This invocation as JSON, laid out as Jackson's default pretty printer lays it out, as run.json always was. */
    String json() {
        IndentedJson json = new IndentedJson().startObject().field("runId", runId).field("target", target)
                .strings("tags", tags).strings("names", names).name("model");
        if (model == null) {
            json.nullValue();
        } else {
            json.startObject().field("profile", model.profile()).name("profileOverrides");
            if (model.profileOverrides() == null) {
                json.nullValue();
            } else {
                json.startObject();
                model.profileOverrides().forEach(json::field);
                json.endObject();
            }
            json.name("scratchBase").value(model.scratchBase()).name("scratchPages").value(model.scratchPages()).endObject();
        }
        return json.endObject().toString();
    }

    /**
     * Checks that {@code runDir} is a run folder (its run.json, or the lock of a run that is starting),
     * before anything is written into it.
     *
     * @throws TargetException naming the folder when it has no run.json
     */
    static void requireIn(Path runDir) {
        // A run that has only just created its folder holds its lock there before run.json is written.
        if (!Files.isRegularFile(runDir.resolve(FILE)) && !Files.exists(runDir.resolve(RunFolderLock.FILE))) {
            throw new TargetException(runDir + ": not a run folder that can be resumed (no " + FILE + ")");
        }
    }

    /**
     * Reads the invocation of the run in {@code runDir}.
     *
     * @throws TargetException naming the file when it is missing or damaged
     */
    static RunInvocation read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new TargetException(runDir + ": not a run folder that can be resumed (no " + FILE + ")");
        }
        return Stored.read(file);
    }

    /** Reading run.json back, with Jackson: in a class of its own, so that a run's start, which only writes, loads no mapper. */
    private static final class Stored {
        private Stored() {
        }

        static RunInvocation read(Path file) {
            ObjectMapper json = new ObjectMapper();
            try {
                JsonNode node = json.readTree(file.toFile());
                return new RunInvocation(text(node, "runId", file), text(node, "target", file), list(node, "tags"),
                        list(node, "names"), node.hasNonNull("model") ? json.treeToValue(node.get("model"), ModelSetup.class)
                                : null);
            } catch (IOException e) {
                throw new TargetException(file + ": not valid JSON: " + e.getMessage(), e);
            }
        }

        private static String text(JsonNode node, String field, Path file) {
            if (!node.hasNonNull(field)) {
                throw new TargetException(file + ": " + field + ": missing field");
            }
            return node.get(field).asText();
        }

        private static List<String> list(JsonNode node, String field) {
            List<String> values = new ArrayList<>();
            node.path(field).forEach(value -> values.add(value.asText()));
            return values;
        }
    }
}
