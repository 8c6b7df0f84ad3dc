package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.fwcts.targets.text.UntrustedText;

/**
 * Checks every place a run writes (or prints) text for what a hostile target could have put
 * there: raw control characters, live markup, unbounded size. The browser checks are in
 * {@link HostileTargetSelfTests}.
 */
final class HostileSinks {
    /** An element a browser would build from injected markup. */
    private static final Pattern LIVE_MARKUP = Pattern.compile("<(script|svg|img)\\b", Pattern.CASE_INSENSITIVE);
    /** Bytes of one Allure text attachment, at most: the writer keeps a million characters. */
    private static final long ATTACHMENT_BYTES = 4L * UntrustedText.ATTACHMENT_LIMIT + 1_000;

    private HostileSinks() {
    }

    /** What the run printed on its terminal: nothing a terminal acts on. */
    static void assertTerminalInert(String printed) {
        assertThat(UntrustedText.isInert(printed)).as("terminal output holds raw control characters:\n%s",
                UntrustedText.lines(printed, 4_000)).isTrue();
    }

    /** console.log, summaries, JUnit XML and Allure results: inert, no live markup, bounded. */
    static void assertFilesInert(Path runDir) throws Exception {
        assertInertText(runDir.resolve("console.log"));
        assertInertText(runDir.resolve("summary.md"));
        assertInertText(runDir.resolve("summary.html"));
        assertThat(LIVE_MARKUP.matcher(Files.readString(runDir.resolve("summary.html"))).find())
                .as("live markup in summary.html").isFalse();
        assertThat(LIVE_MARKUP.matcher(markdownAsHtml(runDir)).find()).as("live markup in summary.md rendered").isFalse();
        for (Path xml : files(runDir.resolve("junit"), ".xml")) {
            assertInertText(xml);
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        }
        for (Path result : files(runDir.resolve("allure-results"), ".json")) {
            assertInertText(result);
            assertThat(LIVE_MARKUP.matcher(Files.readString(result)).find()).as("live markup in " + result).isFalse();
        }
        List<Path> attachments = files(runDir.resolve("allure-results"), "-attachment.txt");
        attachments.addAll(files(runDir.resolve("allure-results"), "-attachment.log"));
        for (Path attachment : attachments) {
            assertInertText(attachment);
            assertThat(Files.size(attachment)).as("size of " + attachment).isLessThanOrEqualTo(ATTACHMENT_BYTES);
        }
    }

    /** summary.md as CommonMark with GitHub tables renders it, in a page titled {@code summary}. */
    static String markdownAsHtml(Path runDir) throws IOException {
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        String body = HtmlRenderer.builder().extensions(extensions).build()
                .render(Parser.builder().extensions(extensions).build().parse(Files.readString(runDir.resolve("summary.md"))));
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>summary</title></head><body>" + body + "</body></html>";
    }

    private static void assertInertText(Path file) throws IOException {
        // Strict decoding: invalid UTF-8 from the target must not reach a file as it came.
        String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        assertThat(UntrustedText.isInert(text.replace("\r\n", "\n"))).as("raw control characters or invalid UTF-8 in " + file)
                .isTrue();
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new java.util.ArrayList<>();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return new java.util.ArrayList<>(listing.filter(p -> p.getFileName().toString().endsWith(suffix)).toList());
        }
    }
}
