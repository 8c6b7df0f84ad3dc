package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fwcts.reports.JUnitXmlReport;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.TestRecord;
import org.w3c.dom.Element;

/**
 * What each output of a run says about its tests, by status: the journal, the summary, the JUnit
 * XML and the Allure results. A certification engineer must get the same answer from each.
 */
record RunOutputs(Map<String, Integer> journal, Map<String, Integer> summary, Map<String, Integer> junit,
        Map<String, Integer> allure, List<String> allureTests) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static RunOutputs read(Path runDir) throws Exception {
        Map<String, Integer> journal = new TreeMap<>();
        for (TestRecord record : StoredRun.read(runDir).records()) {
            journal.merge(record.status().name(), 1, Integer::sum);
        }
        JsonNode counts = JSON.readTree(runDir.resolve(StoredRun.SUMMARY).toFile()).get("counts");
        Map<String, Integer> summary = new TreeMap<>();
        for (String status : List.of("passed", "failed", "broken", "skipped")) {
            put(summary, status, counts.get(status).asInt() + (status.equals("failed") ? counts.get("waived").asInt() : 0));
        }
        Element suites = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(runDir.resolve("junit").resolve(JUnitXmlReport.FILE).toFile()).getDocumentElement();
        int failures = Integer.parseInt(suites.getAttribute("failures"));
        int errors = Integer.parseInt(suites.getAttribute("errors"));
        int skipped = Integer.parseInt(suites.getAttribute("skipped"));
        Map<String, Integer> junit = new TreeMap<>();
        put(junit, "passed", Integer.parseInt(suites.getAttribute("tests")) - failures - errors - skipped);
        put(junit, "failed", failures);
        put(junit, "broken", errors);
        put(junit, "skipped", skipped);
        Map<String, Integer> allure = new TreeMap<>();
        List<String> allureTests = new ArrayList<>();
        try (Stream<Path> files = Files.list(runDir.resolve("allure-results"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith("-result.json"))::iterator) {
                JsonNode result = JSON.readTree(file.toFile());
                allure.merge(result.get("status").asText().toUpperCase(Locale.ROOT), 1, Integer::sum);
                result.get("labels").forEach(label -> {
                    if (label.get("name").asText().equals("junit.platform.uniqueid")) {
                        allureTests.add(label.get("value").asText());
                    }
                });
            }
        }
        return new RunOutputs(journal, summary, junit, allure, allureTests);
    }

    private static void put(Map<String, Integer> counts, String status, int count) {
        if (count > 0) {
            counts.put(status.toUpperCase(Locale.ROOT), count);
        }
    }

    /** Asserts that every output counts the same tests with the same statuses, each test once. */
    void assertAgree() {
        assertThat(summary).as("summary.json counts vs results.jsonl").isEqualTo(journal);
        assertThat(junit).as("JUnit XML counts vs results.jsonl").isEqualTo(journal);
        assertThat(allure).as("Allure result statuses vs results.jsonl").isEqualTo(journal);
        assertThat(allureTests).as("each test once in the Allure results").doesNotHaveDuplicates();
    }

    int total() {
        return journal.values().stream().mapToInt(Integer::intValue).sum();
    }
}
