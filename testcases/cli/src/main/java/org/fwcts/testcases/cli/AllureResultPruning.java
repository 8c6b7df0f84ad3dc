package org.fwcts.testcases.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Removes Allure results of tests that have no result in the run's journal: one that finished
 * just as the run was killed or its disk filled, written to Allure but not to the journal. A
 * resumed run runs such a test again, and the report must show it once.
 */
final class AllureResultPruning {
    /** The label the JUnit Platform listener of Allure gives each result: the test's unique ID. */
    private static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureResultPruning() {
    }

    /** Deletes the results in {@code dir} whose test's unique ID {@code remove} accepts; returns how many. */
    static int remove(Path dir, Predicate<String> remove) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith("-result.json"))::iterator) {
                String id = uniqueId(file);
                if (id == null || (!id.isEmpty() && remove.test(id))) {
                    Files.delete(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy the Allure results in " + dir, e);
        }
        return removed;
    }

    /**
     * The result's test, or null when the file is torn (the write that made it did not finish). A
     * kill between creating the file and writing it leaves it empty, which parses as no object.
     */
    private static String uniqueId(Path file) {
        try {
            JsonNode result = JSON.readTree(file.toFile());
            if (result == null || !result.isObject() || !result.has("status")) {
                return null;
            }
            for (JsonNode label : result.path("labels")) {
                if (UNIQUE_ID_LABEL.equals(label.path("name").asText())) {
                    return label.path("value").asText();
                }
            }
            return "";
        } catch (IOException e) {
            return null;
        }
    }
}
