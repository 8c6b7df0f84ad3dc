package org.fwcts.reports;

import java.nio.charset.StandardCharsets;
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

    private SummaryWriter() {
    }

    public static void write(RunSummary summary, Path runDir) {
        byte[] json = SummaryJson.of(summary);
        List<SummaryBlock> blocks = SummaryLayout.blocks(summary);
        WholeFile.write(runDir.resolve(RunFiles.SUMMARY_JSON), json);
        WholeFile.write(runDir.resolve(RunFiles.SUMMARY_MD), SummaryMarkdown.render(blocks).getBytes(StandardCharsets.UTF_8));
        WholeFile.write(runDir.resolve(RunFiles.SUMMARY_HTML), SummaryHtml.render(blocks).getBytes(StandardCharsets.UTF_8));
    }
}
