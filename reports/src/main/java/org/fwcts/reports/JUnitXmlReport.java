package org.fwcts.reports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's results as JUnit XML ({@code junit/TEST-fwcts.xml}) for CI systems, from the
 * same records as the summary: a resumed run's file holds both parts, and it counts what the
 * summary counts. One {@code testsuite} per test class; FAILED is a {@code failure}, BROKEN an
 * {@code error}, SKIPPED {@code skipped}.
 */
public final class JUnitXmlReport {
    public static final String FILE = RunFiles.JUNIT_XML;
    private static final String[] CLASS_SEGMENTS = {"[class:", "[nested-class:"};

    private JUnitXmlReport() {
    }

    /** Writes {@code records} (in order; a re-run test appears once per run of it) into {@code runDir/junit}. */
    public static void write(String runId, List<TestRecord> records, Path runDir) {
        WholeFile.write(runDir.resolve(RunFiles.JUNIT).resolve(FILE), render(runId, records));
    }

    /**
     * The document, written by hand rather than through StAX (its factory's service lookup was a
     * large share of a run's end) in the bytes the JDK's StAX writer gave it: double-quoted
     * attributes, start and end tags even for empty elements.
     */
    static byte[] render(String runId, List<TestRecord> records) {
        Map<String, List<TestRecord>> byClass = new LinkedHashMap<>();
        for (TestRecord record : records) {
            byClass.computeIfAbsent(className(record.id()), k -> new ArrayList<>()).add(record);
        }
        StringBuilder xml = new StringBuilder(256 + 160 * records.size());
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
        attribute(xml, "name", "FWCTS " + runId);
        counts(xml, records);
        xml.append('>');
        for (Map.Entry<String, List<TestRecord>> suite : byClass.entrySet()) {
            attribute(xml.append("\n  <testsuite"), "name", suite.getKey());
            counts(xml, suite.getValue());
            xml.append('>');
            for (TestRecord record : suite.getValue()) {
                testCase(xml, suite.getKey(), record);
            }
            xml.append("\n  </testsuite>");
        }
        return xml.append("\n</testsuites>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void counts(StringBuilder xml, List<TestRecord> records) {
        int[] byStatus = new int[TestStatus.values().length];
        long millis = 0;
        for (TestRecord record : records) {
            byStatus[record.status().ordinal()]++;
            millis += record.durationMillis();
        }
        xml.append(" tests=\"").append(records.size())
                .append("\" failures=\"").append(byStatus[TestStatus.FAILED.ordinal()])
                .append("\" errors=\"").append(byStatus[TestStatus.BROKEN.ordinal()])
                .append("\" skipped=\"").append(byStatus[TestStatus.SKIPPED.ordinal()]).append('"');
        seconds(xml.append(" time=\""), millis).append('"');
    }

    private static void testCase(StringBuilder xml, String className, TestRecord record) {
        attribute(xml.append("\n    <testcase"), "name", record.name());
        attribute(xml, "classname", className);
        seconds(xml.append(" time=\""), record.durationMillis()).append("\">");
        String element = switch (record.status()) {
            case FAILED -> "failure";
            case BROKEN -> "error";
            case SKIPPED -> "skipped";
            default -> null;
        };
        if (element != null) {
            String message = record.message() == null ? "" : record.message();
            attribute(xml.append('<').append(element), "message", firstLine(message));
            if (record.status() != TestStatus.SKIPPED) {
                attribute(xml, "type", record.status().name());
                escape(xml.append('>'), message, false);
            } else {
                xml.append('>');
            }
            xml.append("</").append(element).append('>');
        }
        xml.append("</testcase>");
    }

    /** The test's class from its unique ID, nested classes after a {@code $}. */
    static String className(String uniqueId) {
        StringBuilder name = new StringBuilder();
        int from = 0;
        while (true) {
            int open = uniqueId.indexOf('[', from);
            if (open < 0) {
                break;
            }
            from = open + 1;
            for (String segment : CLASS_SEGMENTS) {
                int start = open + segment.length();
                int close = uniqueId.startsWith(segment, open) ? uniqueId.indexOf(']', start) : -1;
                if (close > start) {
                    name.append(name.length() == 0 ? "" : "$").append(uniqueId, start, close);
                    from = close + 1;
                    break;
                }
            }
        }
        return name.length() == 0 ? uniqueId : name.toString();
    }

    private static String firstLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** Milliseconds as seconds with three decimals, as {@code %.3f} printed them. */
    private static StringBuilder seconds(StringBuilder xml, long millis) {
        long abs = Math.abs(millis);
        long fraction = abs % 1000;
        return xml.append(millis < 0 ? "-" : "").append(abs / 1000).append('.')
                .append(fraction < 100 ? "0" : "").append(fraction < 10 ? "0" : "").append(fraction);
    }

    private static void attribute(StringBuilder xml, String name, String value) {
        escape(xml.append(' ').append(name).append("=\""), value, true);
        xml.append('"');
    }

    /**
     * Appends {@code text} as XML character data: markup characters as entities ({@code "} only in
     * attributes), and characters XML 1.0 cannot carry even escaped (target text may hold any byte)
     * as {@code \xNN}; plain runs are copied whole.
     */
    private static void escape(StringBuilder xml, String text, boolean attribute) {
        int plainFrom = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                default -> null;
            };
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (entity == null && (pair || xmlChar(c))) {
                i += pair ? 1 : 0;
                continue;
            }
            xml.append(text, plainFrom, i);
            plainFrom = i + 1;
            if (entity != null) {
                xml.append(entity);
            } else {
                String hex = Integer.toHexString(c);
                xml.append("\\x").append(hex.length() < 2 ? "0" : "").append(hex);
            }
        }
        xml.append(text, plainFrom, text.length());
    }

    /** XML 1.0's Char production within the Basic Multilingual Plane, lone surrogates excluded. */
    private static boolean xmlChar(char c) {
        return c >= 0x20 ? c <= 0xD7FF || (c >= 0xE000 && c <= 0xFFFD) : c == 0x09 || c == 0x0A || c == 0x0D;
    }
}
