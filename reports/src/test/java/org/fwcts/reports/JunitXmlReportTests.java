package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fwcts.reports.waiver.Waivers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@DisplayName("The JUnit XML report")
class JunitXmlReportTests {
    @TempDir
    Path temp;

    @Test
    @DisplayName("counts and lists every test with its outcome, and stays well-formed XML with control characters in a message")
    void writesEveryTest() throws Exception {
        List<TestRecord> tests = List.of(
                new TestRecord("[engine:junit-jupiter]/[class:org.x.ATests]/[nested-class:WhenNew]/[method:a()]", "A › a",
                        List.of(), TestStatus.PASSED, 1500, null),
                new TestRecord("[engine:junit-jupiter]/[class:org.x.BTests]/[method:b()]", "B › b", List.of(),
                        TestStatus.FAILED, 20, "x0 mismatch\u001b[2J\u0007 <here>"),
                new TestRecord("[engine:junit-jupiter]/[class:org.x.BTests]/[method:c()]", "B › c", List.of(),
                        TestStatus.BROKEN, 5, "target did not answer"),
                new TestRecord("[engine:junit-jupiter]/[class:org.x.BTests]/[method:d()]", "B › d", List.of(),
                        TestStatus.SKIPPED, 0, "FF-A absent"));
        RunSummary summary = new RunSummary("run-1", Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-12-05T10:01:00Z"),
                Map.of("target", "qemu-virt"), new SuiteInfo("1", Map.of()), tests, Waivers.none(), null);

        JunitXmlReport.write(summary, temp.resolve("junit"));

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(temp.resolve("junit").resolve(JunitXmlReport.FILE).toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("hostname")).isEqualTo(HostName.local()).isNotBlank();
        Element first = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("org.x.ATests$WhenNew");
        assertThat(first.getAttribute("time")).isEqualTo("1.500");
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).isEqualTo("x0 mismatch\\x1b[2J\\x07 <here>");
        assertThat(((Element) suite.getElementsByTagName("skipped").item(0)).getAttribute("message")).isEqualTo("FF-A absent");
        assertThat(suite.getElementsByTagName("error").item(0).getTextContent()).isEqualTo("target did not answer");
    }
}
