package org.fwcts.reports;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a run's results as JUnit XML ({@code junit/TEST-fwcts.xml}) for CI systems, from the
 * same records as the summary: a resumed run's file holds both parts, and it counts what the
 * summary counts. One {@code testsuite} per test class; FAILED is a {@code failure}, BROKEN an
 * {@code error}, SKIPPED {@code skipped}.
 */
public final class JUnitXmlReport {
    public static final String FILE = RunFiles.JUNIT_XML;
    private static final Pattern CLASS_SEGMENT = Pattern.compile("\\[(?:nested-)?class:([^\\]]+)\\]");
    /** Characters XML 1.0 cannot carry, even escaped; target text may hold any byte. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private JUnitXmlReport() {
    }

    /** Writes {@code records} (in order; a re-run test appears once per run of it) into {@code runDir/junit}. */
    public static void write(String runId, List<TestRecord> records, Path runDir) {
        WholeFile.write(runDir.resolve(RunFiles.JUNIT).resolve(FILE), render(runId, records));
    }

    static byte[] render(String runId, List<TestRecord> records) {
        Map<String, List<TestRecord>> byClass = new LinkedHashMap<>();
        records.forEach(r -> byClass.computeIfAbsent(className(r.id()), k -> new java.util.ArrayList<>()).add(r));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "FWCTS " + clean(runId));
            counts(xml, records);
            for (Map.Entry<String, List<TestRecord>> suite : byClass.entrySet()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", clean(suite.getKey()));
                counts(xml, suite.getValue());
                for (TestRecord record : suite.getValue()) {
                    testCase(xml, suite.getKey(), record);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void counts(XMLStreamWriter xml, List<TestRecord> records) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(records.size()));
        xml.writeAttribute("failures", count(records, TestStatus.FAILED));
        xml.writeAttribute("errors", count(records, TestStatus.BROKEN));
        xml.writeAttribute("skipped", count(records, TestStatus.SKIPPED));
        xml.writeAttribute("time", seconds(records.stream().mapToLong(TestRecord::durationMillis).sum()));
    }

    private static void testCase(XMLStreamWriter xml, String className, TestRecord record) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(record.name()));
        xml.writeAttribute("classname", clean(className));
        xml.writeAttribute("time", seconds(record.durationMillis()));
        String element = switch (record.status()) {
            case FAILED -> "failure";
            case BROKEN -> "error";
            case SKIPPED -> "skipped";
            default -> null;
        };
        if (element != null) {
            String message = record.message() == null ? "" : clean(record.message());
            xml.writeStartElement(element);
            xml.writeAttribute("message", message.lines().findFirst().orElse(""));
            if (record.status() != TestStatus.SKIPPED) {
                xml.writeAttribute("type", record.status().name());
                xml.writeCharacters(message);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The test's class from its unique ID, nested classes after a {@code $}. */
    static String className(String uniqueId) {
        Matcher segment = CLASS_SEGMENT.matcher(uniqueId);
        StringBuilder name = new StringBuilder();
        while (segment.find()) {
            name.append(name.length() == 0 ? "" : "$").append(segment.group(1));
        }
        return name.length() == 0 ? uniqueId : name.toString();
    }

    private static String count(List<TestRecord> records, TestStatus status) {
        return Long.toString(records.stream().filter(r -> r.status() == status).count());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String clean(String text) {
        Matcher bad = NOT_XML.matcher(text);
        StringBuilder out = new StringBuilder();
        while (bad.find()) {
            bad.appendReplacement(out, Matcher.quoteReplacement(String.format("\\x%02x", (int) bad.group().charAt(0))));
        }
        bad.appendTail(out);
        return out.toString();
    }
}
