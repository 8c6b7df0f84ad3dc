package org.fwcts.reports;

import java.util.List;

/** Renders summary blocks as GitHub-flavoured Markdown. */
final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    static String render(List<SummaryBlock> blocks) {
        StringBuilder md = new StringBuilder();
        for (SummaryBlock block : blocks) {
            if (block instanceof SummaryBlock.Heading heading) {
                md.append("#".repeat(heading.level())).append(' ').append(heading.text()).append("\n\n");
            } else if (block instanceof SummaryBlock.Verdict verdict) {
                md.append("**Verdict: ").append(verdict.line()).append("**\n\n");
            } else if (block instanceof SummaryBlock.Paragraph paragraph) {
                md.append(paragraph.text()).append("\n\n");
            } else if (block instanceof SummaryBlock.Table table) {
                table(md, table);
            } else if (block instanceof SummaryBlock.Preformatted pre) {
                md.append("```\n").append(pre.text()).append("\n```\n\n");
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
            md.append("| ").append(cell.replace("|", "\\|").replace("\n", " ")).append(' ');
        }
        md.append("|\n");
    }
}
