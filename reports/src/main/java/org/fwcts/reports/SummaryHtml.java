package org.fwcts.reports;

import java.util.Arrays;
import java.util.List;
import org.fwcts.targets.text.UntrustedText;

/**
 * Renders summary blocks as one self-contained HTML page: styles inline, no scripts, no
 * external assets, so the file can be mailed or archived on its own.
 */
final class SummaryHtml {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1d1d1f}
            h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}h3{font-size:1em}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
            th{background:#f2f2f2}pre{background:#f7f7f7;border:1px solid #ddd;padding:.6em;overflow-x:auto;font-size:.85em}
            .verdict{display:inline-block;font-size:1.3em;font-weight:bold;padding:.3em .8em;border-radius:.3em;color:#fff}
            .PASS,.PASSED{background:#2e7d32}.FAIL,.FAILED{background:#c62828}.ERROR,.BROKEN{background:#ef6c00}
            .WAIVED{background:#6a1b9a}.SKIPPED{background:#757575}
            td.status{color:#fff;font-weight:bold}
            """;

    private SummaryHtml() {
    }

    static String render(List<SummaryBlock> blocks) {
        String title = blocks.stream().filter(SummaryBlock.Heading.class::isInstance).map(b -> ((SummaryBlock.Heading) b).text())
                .findFirst().orElse("FWCTS summary");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        for (SummaryBlock block : blocks) {
            if (block instanceof SummaryBlock.Heading heading) {
                html.append("<h").append(heading.level()).append('>').append(escape(heading.text())).append("</h")
                        .append(heading.level()).append(">\n");
            } else if (block instanceof SummaryBlock.Verdict verdict) {
                html.append("<p><span class=\"verdict ").append(escape(verdict.verdict())).append("\">Verdict: ")
                        .append(escape(verdict.line())).append("</span></p>\n");
            } else if (block instanceof SummaryBlock.Paragraph paragraph) {
                html.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof SummaryBlock.Table table) {
                table(html, table);
            } else if (block instanceof SummaryBlock.Preformatted pre) {
                html.append("<pre>").append(escape(pre.text())).append("</pre>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, SummaryBlock.Table table) {
        html.append("<table>\n<tr>");
        table.header().forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                html.append(isStatus(cell) ? "<td class=\"status " + cell + "\">" : "<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static boolean isStatus(String cell) {
        return Arrays.stream(TestStatus.values()).anyMatch(status -> status.name().equals(cell));
    }

    /** Markup escaped, control characters made visible, length bounded: the text may come from the target. */
    static String escape(String text) {
        return UntrustedText.html(text, UntrustedText.BLOCK_LIMIT);
    }
}
