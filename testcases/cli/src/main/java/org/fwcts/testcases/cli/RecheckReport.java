package org.fwcts.testcases.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fwcts.harness.pipeline.Recheck;
import org.fwcts.reports.RunFiles;

/** The summary of a recheck: what was judged with which profile, and every verdict that changed. */
record RecheckReport(String runId, String profile, Map<String, String> overrides, Recheck recheck,
        Map<String, String> testNames) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Markdown text, also printed. */
    String text() {
        StringBuilder text = new StringBuilder();
        text.append("# Recheck of ").append(runId).append("\n\n");
        text.append("Profile ").append(profile).append(overrides.isEmpty() ? "" : " with overrides " + overrides)
                .append("; ").append(recheck.calls()).append(" calls judged again: ").append(recheck.counts()).append("\n\n");
        if (!recheck.changes().isEmpty()) {
            text.append("## Calls whose verdict changed\n\n");
            for (Recheck.Change change : recheck.changes()) {
                text.append("- #").append(change.sequence()).append(' ').append(name(change.test().orElse(null)))
                        .append(": ").append(change.before()).append(" -> ").append(change.after()).append(" [")
                        .append(change.ruleAfter()).append("] ").append(change.prediction()).append('\n');
            }
            text.append('\n');
        }
        StringBuilder tests = new StringBuilder();
        recheck.tests().forEach((id, change) -> {
            if (change.changed()) {
                tests.append("- ").append(name(id)).append(": ").append(change.before()).append(" -> ")
                        .append(change.after()).append('\n');
            }
        });
        if (tests.length() > 0) {
            text.append("## Tests whose verdict changed\n\n").append(tests).append('\n');
        }
        return text.toString();
    }

    private String name(String testId) {
        if (testId == null) {
            return "(between tests)";
        }
        return testNames.getOrDefault(testId, testId);
    }

    void write(Path dir) {
        ObjectNode node = JSON.createObjectNode().put("runId", runId).put("profile", profile);
        ObjectNode applied = node.putObject("overrides");
        overrides.forEach(applied::put);
        node.put("calls", recheck.calls());
        ObjectNode counts = node.putObject("counts");
        recheck.counts().forEach((verdict, count) -> counts.put(verdict.name(), count));
        ArrayNode changes = node.putArray("changes");
        for (Recheck.Change change : recheck.changes()) {
            changes.addObject().put("sequence", change.sequence()).put("test", change.test().orElse(null))
                    .put("name", name(change.test().orElse(null))).put("before", change.before().name())
                    .put("after", change.after().name()).put("ruleBefore", change.ruleBefore())
                    .put("ruleAfter", change.ruleAfter()).put("prediction", change.prediction());
        }
        ArrayNode tests = node.putArray("tests");
        recheck.tests().forEach((id, change) -> {
            if (change.changed()) {
                tests.addObject().put("id", id).put("name", name(id)).put("before", change.before().name())
                        .put("after", change.after().name());
            }
        });
        node.put("verdictsChanged", recheck.changes().size());
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(RunFiles.RECHECK_JSON).toFile(), node);
            Files.writeString(dir.resolve(RunFiles.RECHECK_MD), text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recheck summary in " + dir, e);
        }
    }
}
