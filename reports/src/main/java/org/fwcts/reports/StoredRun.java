package org.fwcts.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fwcts.reports.waiver.Waivers;

/**
 * A finished run read back from its folder: the results journal, and the run's identity from
 * its summary. Offline tools (compare, report, re-summarising with waivers) start here.
 *
 * @param dir the run's folder
 * @param runId the run's ID (the summary's, else the folder name)
 * @param started when the run began (the summary's, else when the journal was last written)
 * @param finished when it ended (same fallback)
 * @param target the target facts the summary recorded; empty without a summary
 * @param runError the error that stopped the run, or null
 * @param suiteVersion the FWCTS version that made the run, or {@code unknown}
 * @param records every complete line of {@code results.jsonl}, in order; a test re-run within the run appears more
 *     than once
 */
public record StoredRun(Path dir, String runId, Instant started, Instant finished, Map<String, String> target,
        String runError, String suiteVersion, List<TestRecord> records) {
    public static final String JOURNAL = RunFiles.RESULTS;
    public static final String SUMMARY = RunFiles.SUMMARY_JSON;
    private static final String UNKNOWN = "unknown";
    /** Summary layouts whose run identity (runId, started, finished, target) this reader understands. */
    private static final List<String> READABLE = List.of("fwcts-summary/1", SummaryWriter.SCHEMA);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public StoredRun {
        target = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(target));
        records = List.copyOf(records);
    }

    /**
     * Reads the run in {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} is not a run folder or its files are damaged; the message names the file
     */
    public static StoredRun read(Path dir) {
        Path journal = dir.resolve(JOURNAL);
        if (!Files.isRegularFile(journal)) {
            throw new IllegalArgumentException(dir + ": not an FWCTS run folder (no " + JOURNAL + ")");
        }
        List<TestRecord> records = journal(journal);
        Path summaryFile = dir.resolve(SUMMARY);
        try {
            Instant written = Files.getLastModifiedTime(journal).toInstant();
            if (!Files.isRegularFile(summaryFile)) {
                return new StoredRun(dir, dir.getFileName().toString(), written, written, Map.of(), null, UNKNOWN, records);
            }
            JsonNode summary = JSON.readTree(summaryFile.toFile());
            String layout = summary.path("schema").asText("");
            if (!layout.isEmpty() && !READABLE.contains(layout)) {
                throw new IllegalArgumentException(summaryFile + ": unknown layout '" + layout + "' (this FWCTS reads " + READABLE + ")");
            }
            Map<String, String> target = new LinkedHashMap<>();
            summary.path("target").properties().forEach(e -> target.put(e.getKey(), e.getValue().asText()));
            return new StoredRun(dir, summary.path("runId").asText(dir.getFileName().toString()),
                    instant(summary, "started", written), instant(summary, "finished", written), target,
                    summary.hasNonNull("runError") ? summary.get("runError").asText() : null,
                    summary.path("suite").path("version").asText(UNKNOWN), records);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(summaryFile + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + summaryFile, e);
        }
    }

    /** The run summarised again, citing {@code rules} and applying {@code waivers}. */
    public RunSummary summary(Map<String, RuleReference> rules, Waivers waivers) {
        return new RunSummary(runId, started, finished, target, new SuiteInfo(suiteVersion, rules), records, waivers, runError);
    }

    /** The target's name as the summary recorded it, else {@code unknown}. */
    public String targetName() {
        return target.getOrDefault("target", UNKNOWN);
    }

    private static List<TestRecord> journal(Path journal) {
        List<TestRecord> records = new ArrayList<>();
        try {
            String text = Files.readString(journal);
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (!text.isEmpty() && !text.endsWith("\n")) {
                // A line without its newline was being written when the run died or the disk filled: not a result.
                lines.remove(lines.size() - 1);
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    records.add(record(journal, i + 1, lines.get(i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal, e);
        }
        return records;
    }

    private static TestRecord record(Path journal, int line, String text) {
        try {
            TestRecord record = JSON.readValue(text, TestRecord.class);
            if (record.id() == null || record.status() == null) {
                throw new IllegalArgumentException(journal + ": line " + line + ": a result needs 'id' and 'status'");
            }
            return record;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(journal + ": line " + line + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(JsonNode summary, String field, Instant fallback) {
        return summary.hasNonNull(field) ? Instant.parse(summary.get(field).asText()) : fallback;
    }
}
