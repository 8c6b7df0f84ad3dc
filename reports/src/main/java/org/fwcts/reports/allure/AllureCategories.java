package org.fwcts.reports.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fwcts.reports.json.IndentedJson;

/**
 * Writes {@code categories.json}, which sorts a run's non-passing tests in the Allure report
 * into conformance failures, broken targets and harness errors.
 *
 * <p>Allure puts a result into every category it matches, so the two broken categories are
 * exclusive: a broken test whose stack trace names one of the target error types is a broken
 * target, any other broken test a harness error.
 */
public final class AllureCategories {
    public static final String FILE = "categories.json";
    public static final String CONFORMANCE_FAILURES = "Conformance failures";
    public static final String BROKEN_TARGETS = "Broken targets";
    public static final String HARNESS_ERRORS = "Harness errors";

    private AllureCategories() {
    }

    /**
     * Writes the categories into {@code resultsDir}.
     *
     * @param targetErrors simple names of the exception types that mean the target misbehaved
     *     (no answer, a protocol error, a failed boot) rather than the harness
     */
    public static void write(Path resultsDir, List<String> targetErrors) {
        String anyTargetError = targetErrors.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
        IndentedJson json = new IndentedJson().startArray();
        category(json, CONFORMANCE_FAILURES, "The target contradicted the reference model.", "failed", null);
        category(json, BROKEN_TARGETS,
                "No verdict: the target did not answer, broke the agent protocol or did not boot.",
                "broken", ".*\\b" + anyTargetError + "\\b.*");
        category(json, HARNESS_ERRORS, "No verdict: an error in the suite or harness itself.",
                "broken", "(?!.*\\b" + anyTargetError + "\\b).*");
        try {
            Files.createDirectories(resultsDir);
            Files.write(resultsDir.resolve(FILE), json.endArray().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + resultsDir.resolve(FILE), e);
        }
    }

    private static void category(IndentedJson json, String name, String description, String status, String traceRegex) {
        json.startObject().field("name", name).field("description", description).name("matchedStatuses").startArray()
                .value(status).endArray();
        if (traceRegex != null) {
            json.field("traceRegex", traceRegex);
        }
        json.endObject();
    }
}
