package org.fwcts.reports;

import java.util.List;
import org.fwcts.targets.text.UntrustedText;

/**
 * Renders summary blocks as GitHub-flavoured Markdown. Every text is escaped: agent banners,
 * panic fields, error codes and waiver justifications come from outside, and a Markdown page
 * is rendered as HTML wherever a summary is pasted.
 */
final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    static String render(List<SummaryBlock> blocks) {
        StringBuilder md = new StringBuilder();
        for (SummaryBlock block : blocks) {
            if (block instanceof SummaryBlock.Heading heading) {
                md.append("#".repeat(heading.level())).append(' ').append(UntrustedText.markdown(heading.text())).append("\n\n");
            } else if (block instanceof SummaryBlock.Verdict verdict) {
                md.append("**Verdict: ").append(UntrustedText.markdown(verdict.line())).append("**\n\n");
            } else if (block instanceof SummaryBlock.Paragraph paragraph) {
                md.append(UntrustedText.markdown(paragraph.text())).append("\n\n");
            } else if (block instanceof SummaryBlock.Table table) {
                table(md, table);
            } else if (block instanceof SummaryBlock.Preformatted pre) {
                md.append(UntrustedText.markdownBlock(pre.text())).append("\n\n");
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, SummaryBlock.Table table) {
        row(md, table.header());
        md.append("|---".repeat(table.header().size())).append("|\n");
        table.rows().forEach(row -> row(md, row));
        md.append('\n');
    }

    private static void row(StringBuilder md, List<String> cells) {
        for (String cell : cells) {
            md.append("| ").append(UntrustedText.markdown(cell)).append(' ');
        }
        md.append("|\n");
    }
}
