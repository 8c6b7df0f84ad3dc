package org.fwcts.testcases.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The verdict of every test of a finished run, by test name, from its summary.json: what stand-in runs compare with a QEMU run. */
final class SummaryVerdicts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryVerdicts() {
    }

    static Map<String, String> of(Path runDir) throws IOException {
        Map<String, String> verdicts = new TreeMap<>();
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        summary.get("tests").forEach(t -> verdicts.put(t.get("name").asText(), t.get("status").asText()));
        return verdicts;
    }
}
