package org.fwcts.reports.allure;

import org.fwcts.targets.text.JsonText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Writes the run's identity into its Allure results: {@code environment.properties} (the
 * report's Environment panel) and {@code executor.json} (the build name trend charts show).
 */
public final class AllureEnvironment {
    public static final String FILE = "environment.properties";
    public static final String EXECUTOR = "executor.json";

    private AllureEnvironment() {
    }

    /** Writes {@code facts} (target, profile, image hashes, suite version, ...) and the run's name. */
    public static void write(Path resultsDir, String runId, Map<String, String> facts) {
        Properties properties = new Properties();
        properties.putAll(facts);
        try {
            Files.createDirectories(resultsDir);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            properties.store(text, null);
            // Properties.store opens with a date comment; drop it so the file depends only on the facts.
            String lines = text.toString(StandardCharsets.ISO_8859_1).lines().filter(line -> !line.startsWith("#")).sorted()
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(resultsDir.resolve(FILE), lines, StandardCharsets.ISO_8859_1);
            StringBuilder executor = new StringBuilder("{\"name\":\"FWCTS\",\"type\":\"fwcts\",\"buildName\":");
            JsonText.quote(executor, runId);
            JsonText.quote(executor.append(",\"reportName\":"), "FWCTS " + runId);
            Files.writeString(resultsDir.resolve(EXECUTOR), executor.append('}'));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure environment into " + resultsDir, e);
        }
    }
}
