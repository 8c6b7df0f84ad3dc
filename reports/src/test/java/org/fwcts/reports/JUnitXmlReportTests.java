package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@DisplayName("JUnit XML written from the recorded results")
class JUnitXmlReportTests {
    private static final String CLASS = "[engine:junit-jupiter]/[class:org.fwcts.testcases.psci.PsciVersionTests]";

    private static TestRecord record(String id, TestStatus status, String message) {
        return new TestRecord(id, "PSCI_VERSION › " + id.substring(id.lastIndexOf(':') + 1), List.of(), status, 1500, message);
    }

    private static Document parse(List<TestRecord> records) throws Exception {
        byte[] xml = JUnitXmlReport.render("run-1", records);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    @DisplayName("counts what the summary counts: failures, errors for broken tests, skips, one suite per class")
    void countsAsTheSummary() throws Exception {
        Document xml = parse(List.of(
                record(CLASS + "/[method:a()]", TestStatus.PASSED, null),
                record(CLASS + "/[method:b()]", TestStatus.FAILED, "PSCI_VERSION returns 1.1\nx0 <-- MISMATCH"),
                record(CLASS + "/[nested-class:AfterOn]/[method:c()]", TestStatus.BROKEN, "TargetUnresponsiveException: no reply"),
                record(CLASS + "/[method:d()]", TestStatus.SKIPPED, "FF-A absent")));
        Element root = xml.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(root.getAttribute("time")).isEqualTo("6.000");
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("PSCI_VERSION returns 1.1");
        assertThat(failure.getTextContent()).contains("<-- MISMATCH");
        Element broken = (Element) xml.getElementsByTagName("error").item(0).getParentNode();
        assertThat(broken.getAttribute("classname")).isEqualTo("org.fwcts.testcases.psci.PsciVersionTests$AfterOn");
    }

    @Test
    @DisplayName("target bytes XML cannot carry are escaped, markup stays text")
    void escapesTargetText() throws Exception {
        Document xml = parse(List.of(record(CLASS + "/[method:a()]", TestStatus.BROKEN,
                "the agent panicked: \u0001<svg onload=alert(1)>\u001b[0m")));
        String text = xml.getElementsByTagName("error").item(0).getTextContent();
        assertThat(text).isEqualTo("the agent panicked: \\x01<svg onload=alert(1)>\\x1b[0m");
        assertThat(xml.getElementsByTagName("svg").getLength()).isZero();
    }

    @Test
    @DisplayName("writes awkward names and messages in the bytes the StAX writer gave, and a parser reads them back")
    void awkwardTextAsStaxWroteIt() throws Exception {
        String c = "[engine:junit-jupiter]/[class:org.fwcts.T]";
        List<TestRecord> records = List.of(
                new TestRecord(c + "/[method:a()]", "a \"q\" 'ap' & <b> > ]]> \t\r\n end", List.of(), TestStatus.PASSED, 1234, null),
                new TestRecord(c + "/[nested-class:N]/[method:b()]", "b\u0001\u001b\u007f\u0085\uD83D\uDE00\uD800x\uFFFE\uFFFF",
                        List.of(), TestStatus.FAILED, 5, "line1 \"q\" & <x> ]]>\r\nline2\ttab\u0000\uDC00 \uD83D\uDE00"),
                new TestRecord(c + "/[method:c()]", "c", List.of(), TestStatus.BROKEN, 0, ""),
                new TestRecord(c + "/[method:d()]", "d", List.of(), TestStatus.SKIPPED, 999999, "skip\nmore"),
                new TestRecord(c + "/[method:e()]", "e", List.of(), TestStatus.BROKEN, 1, null),
                new TestRecord("odd-id", "f", List.of(), TestStatus.SKIPPED, 1, null));
        // Written by the JDK's StAX writer for these records before the report was written by hand.
        String stax = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"FWCTS run-1 &amp; &quot;x&quot;\" tests=\"6\" failures=\"1\" errors=\"2\" skipped=\"2\" time=\"1001.240\">\n"
                + "  <testsuite name=\"org.fwcts.T\" tests=\"4\" failures=\"0\" errors=\"2\" skipped=\"1\" time=\"1001.234\">\n"
                + "    <testcase name=\"a &quot;q&quot; 'ap' &amp; &lt;b&gt; &gt; ]]&gt; \t\r\n"
                + " end\" classname=\"org.fwcts.T\" time=\"1.234\"></testcase>\n"
                + "    <testcase name=\"c\" classname=\"org.fwcts.T\" time=\"0.000\"><error message=\"\" type=\"BROKEN\"></error></testcase>\n"
                + "    <testcase name=\"d\" classname=\"org.fwcts.T\" time=\"999.999\"><skipped message=\"skip\"></skipped></testcase>\n"
                + "    <testcase name=\"e\" classname=\"org.fwcts.T\" time=\"0.001\"><error message=\"\" type=\"BROKEN\"></error></testcase>\n"
                + "  </testsuite>\n"
                + "  <testsuite name=\"org.fwcts.T$N\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0.005\">\n"
                + "    <testcase name=\"b\\x01\\x1b\u007F\u0085\uD83D\uDE00\\xd800x\\xfffe\\xffff\" classname=\"org.fwcts.T$N\" time=\"0.005\"><failure message=\"line1 &quot;q&quot; &amp; &lt;x&gt; ]]&gt;\" type=\"FAILED\">line1 \"q\" &amp; &lt;x&gt; ]]&gt;\r\n"
                + "line2\ttab\\x00\\xdc00 \uD83D\uDE00</failure></testcase>\n"
                + "  </testsuite>\n"
                + "  <testsuite name=\"odd-id\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\" time=\"0.001\">\n"
                + "    <testcase name=\"f\" classname=\"odd-id\" time=\"0.001\"><skipped message=\"\"></skipped></testcase>\n"
                + "  </testsuite>\n"
                + "</testsuites>\n";
        byte[] xml = JUnitXmlReport.render("run-1 & \"x\"", records);
        assertThat(new String(xml, StandardCharsets.UTF_8)).isEqualTo(stax);

        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element failure = (Element) parsed.getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).isEqualTo("line1 \"q\" & <x> ]]>\nline2\ttab\\x00\\xdc00 \uD83D\uDE00");
        assertThat(failure.getAttribute("message")).isEqualTo("line1 \"q\" & <x> ]]>");
        assertThat(((Element) failure.getParentNode()).getAttribute("name"))
                .isEqualTo("b\\x01\\x1b\u007f\u0085\uD83D\uDE00\\xd800x\\xfffe\\xffff");
        assertThat(parsed.getDocumentElement().getAttribute("name")).isEqualTo("FWCTS run-1 & \"x\"");
    }

    @Test
    @DisplayName("finds the class in unique IDs as the pattern [class:…] and [nested-class:…] does")
    void classNames() {
        assertThat(JUnitXmlReport.className(CLASS + "/[nested-class:A]/[nested-class:B]/[method:m()]"))
                .isEqualTo("org.fwcts.testcases.psci.PsciVersionTests$A$B");
        assertThat(JUnitXmlReport.className("[engine:x]/[class:]/[class:a[b]/[nested-class:C")).isEqualTo("a[b");
        assertThat(JUnitXmlReport.className("[[class:X]")).isEqualTo("X");
        assertThat(JUnitXmlReport.className("no segments")).isEqualTo("no segments");
    }
}
