package org.fwcts.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's summary as {@code summary.json} (for dashboards, layout {@value #SCHEMA},
 * described by {@code reports/summary.schema.json}), {@code summary.md} and a self-contained
 * {@code summary.html} (for people).
 */
public final class SummaryWriter {
    /** The JSON layout's name and version; a reader checks it before it trusts the fields. */
    public static final String SCHEMA = "fwcts-summary/2";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryWriter() {
    }

    public static void write(RunSummary summary, Path runDir) {
        try {
            Files.createDirectories(runDir);
            JSON.writeValue(runDir.resolve(RunFiles.SUMMARY_JSON).toFile(), SummaryJson.of(summary));
            List<SummaryBlock> blocks = SummaryLayout.blocks(summary);
            Files.writeString(runDir.resolve(RunFiles.SUMMARY_MD), SummaryMarkdown.render(blocks), StandardCharsets.UTF_8);
            Files.writeString(runDir.resolve(RunFiles.SUMMARY_HTML), SummaryHtml.render(blocks), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary into " + runDir, e);
        }
    }
}
