package org.fwcts.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a run's summary as {@code summary.json} (for dashboards) and {@code summary.md} (for people). */
public final class SummaryWriter {
    /** The JSON layout's name and version; a reader checks it before it trusts the fields. */
    public static final String SCHEMA = "fwcts-summary/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryWriter() {
    }

    public static void write(RunSummary summary, Path runDir) {
        try {
            Files.createDirectories(runDir);
            JSON.writeValue(runDir.resolve("summary.json").toFile(), json(summary));
            Files.writeString(runDir.resolve("summary.md"), markdown(summary), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary into " + runDir, e);
        }
    }

    static ObjectNode json(RunSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA).put("runId", summary.runId()).put("started", summary.started().toString())
                .put("finished", summary.finished().toString()).put("verdict", summary.verdict());
        if (summary.runError() != null) {
            root.put("runError", summary.runError());
        }
        ObjectNode target = root.putObject("target");
        summary.target().forEach(target::put);
        ObjectNode counts = root.putObject("counts");
        counts.put("total", summary.tests().size());
        summary.counts().forEach((status, n) -> counts.put(status.name().toLowerCase(java.util.Locale.ROOT), n));
        ArrayNode tests = root.putArray("tests");
        for (TestRecord test : summary.tests()) {
            ObjectNode node = tests.addObject().put("id", test.id()).put("name", test.name())
                    .put("status", test.status().name()).put("durationMillis", test.durationMillis());
            test.tags().forEach(node.withArray("tags")::add);
            test.rules().forEach(node.withArray("rules")::add);
            if (test.message() != null) {
                node.put("message", test.message());
            }
        }
        return root;
    }

    static String markdown(RunSummary summary) {
        StringBuilder md = new StringBuilder();
        md.append("# FWCTS run ").append(summary.runId()).append("\n\n");
        md.append("**Verdict: ").append(summary.verdict()).append("**\n\n");
        if (summary.runError() != null) {
            md.append("Run error: ").append(summary.runError()).append("\n\n");
        }
        md.append("| Target | |\n|---|---|\n");
        for (Map.Entry<String, String> fact : summary.target().entrySet()) {
            md.append("| ").append(fact.getKey()).append(" | `").append(fact.getValue()).append("` |\n");
        }
        md.append("| started | ").append(summary.started()).append(" |\n| finished | ").append(summary.finished())
                .append(" |\n\n");
        Map<TestStatus, Integer> counts = summary.counts();
        md.append("| Tests | Passed | Failed | Broken | Skipped |\n|---|---|---|---|---|\n");
        md.append("| ").append(summary.tests().size());
        for (TestStatus status : TestStatus.values()) {
            md.append(" | ").append(counts.get(status));
        }
        md.append(" |\n");
        section(md, summary, TestStatus.FAILED, "Failures (the target contradicted the model)");
        section(md, summary, TestStatus.BROKEN, "Broken (no verdict: harness or target error)");
        section(md, summary, TestStatus.SKIPPED, "Skipped");
        return md.toString();
    }

    private static void section(StringBuilder md, RunSummary summary, TestStatus status, String title) {
        var tests = summary.tests().stream().filter(t -> t.status() == status).toList();
        if (tests.isEmpty()) {
            return;
        }
        md.append("\n## ").append(title).append("\n");
        for (TestRecord test : tests) {
            md.append("\n### ").append(test.name()).append("\n\n");
            if (!test.rules().isEmpty()) {
                md.append("Rules: ").append(String.join(", ", test.rules())).append("\n\n");
            }
            if (test.message() != null) {
                md.append(status == TestStatus.SKIPPED ? test.message() + "\n" : "```\n" + test.message().strip() + "\n```\n");
            }
        }
    }
}
