package org.fwcts.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a run's results as JUnit XML (the Ant {@code testsuite} format CI systems read), from
 * the summary: waived failures pass with their waiver noted, broken tests are errors.
 *
 * <p>Written here rather than by JUnit's legacy XML listener, which looks the host name up
 * through the name service for its {@code hostname} attribute (a resolver time-out on machines
 * whose name does not resolve); this report takes the kernel's name instead.
 */
public final class JunitXmlReport {
    /** The file name inside the run's {@code junit/} folder. */
    public static final String FILE = "TEST-fwcts.xml";
    private static final Pattern CLASS_SEGMENT = Pattern.compile("\\[(?:class|nested-class):([^\\]]+)]");

    private JunitXmlReport() {
    }

    /** Writes {@code summary} to {@code dir/TEST-fwcts.xml}, creating {@code dir}. */
    public static void write(RunSummary summary, Path dir) {
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                writeSuite(xml, summary);
                xml.writeEndDocument();
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    private static void writeSuite(XMLStreamWriter xml, RunSummary summary) throws XMLStreamException {
        Map<TestStatus, Integer> counts = summary.counts();
        long millis = summary.tests().stream().mapToLong(TestRecord::durationMillis).sum();
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "FWCTS " + summary.runId());
        xml.writeAttribute("tests", Integer.toString(summary.tests().size()));
        xml.writeAttribute("skipped", Integer.toString(counts.get(TestStatus.SKIPPED)));
        xml.writeAttribute("failures", Integer.toString(counts.get(TestStatus.FAILED)));
        xml.writeAttribute("errors", Integer.toString(counts.get(TestStatus.BROKEN)));
        xml.writeAttribute("time", seconds(millis));
        xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(summary.started().atOffset(ZoneOffset.UTC)
                .toLocalDateTime().withNano(0)));
        xml.writeAttribute("hostname", HostName.local());
        xml.writeCharacters("\n");
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> fact : summary.target().entrySet()) {
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", fact.getKey());
            xml.writeAttribute("value", xmlSafe(fact.getValue()));
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        for (JudgedTest test : summary.judged()) {
            writeCase(xml, test);
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void writeCase(XMLStreamWriter xml, JudgedTest test) throws XMLStreamException {
        TestRecord record = test.record();
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", xmlSafe(record.name()));
        xml.writeAttribute("classname", className(record.id()));
        xml.writeAttribute("time", seconds(record.durationMillis()));
        String message = record.message() == null ? "" : record.message();
        switch (test.status()) {
            case FAILED -> outcome(xml, "failure", message);
            case BROKEN -> outcome(xml, "error", message);
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", xmlSafe(message));
            }
            case WAIVED -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(xmlSafe("WAIVED: " + test.waiver().map(w -> w.justification()).orElse("") + "\n" + message));
                xml.writeEndElement();
            }
            case PASSED -> {
                // A passed test is the element alone.
            }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void outcome(XMLStreamWriter xml, String element, String message) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", xmlSafe(message.lines().findFirst().orElse("")));
        xml.writeCharacters(xmlSafe(message));
        xml.writeEndElement();
    }

    /** The test's class from its unique ID, nested classes joined with {@code $}, as JUnit's own report names it. */
    static String className(String uniqueId) {
        Matcher segment = CLASS_SEGMENT.matcher(uniqueId);
        StringBuilder name = new StringBuilder();
        while (segment.find()) {
            name.append(name.length() == 0 ? "" : "$").append(segment.group(1));
        }
        return name.length() == 0 ? "fwcts" : name.toString();
    }

    /**
     * The text with the control characters XML 1.0 cannot carry (messages quote the target's
     * output) shown as {@code \\xNN}; the writer escapes the rest.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                safe.append(String.format("\\x%02x", c));
            } else {
                safe.append((char) c);
            }
        });
        return safe.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
