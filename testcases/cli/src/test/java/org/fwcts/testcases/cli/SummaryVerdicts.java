package org.fwcts.testcases.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The verdict of every test of a finished run, by test name, from its summary.json: what stand-in runs compare with a QEMU run. */
final class SummaryVerdicts {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Clean QEMU runs by tag expression, run once per test JVM for every stand-in test that compares with one. */
    private static final Map<String, Map<String, String>> CLEAN = new HashMap<>();

    private SummaryVerdicts() {
    }

    /** The verdicts of a clean run of the default QEMU target on {@code tags}, run on first use. */
    static synchronized Map<String, String> cleanQemu(String tags) throws IOException {
        if (!CLEAN.containsKey(tags)) {
            // Under the module's target/, so that the build's clean removes it.
            Path runDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "clean-qemu").resolve("run");
            CliRun run = CliRun.of("run", "--tag", tags, "--output", runDir.toString());
            if (run.exitCode() != 1) {
                throw new AssertionError("the clean QEMU run should end with its one known failure: " + run.out() + run.err());
            }
            CLEAN.put(tags, of(runDir));
        }
        return CLEAN.get(tags);
    }

    static Map<String, String> of(Path runDir) throws IOException {
        Map<String, String> verdicts = new TreeMap<>();
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        summary.get("tests").forEach(t -> verdicts.put(t.get("name").asText(), t.get("status").asText()));
        return verdicts;
    }
}
