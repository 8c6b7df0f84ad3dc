package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
}
