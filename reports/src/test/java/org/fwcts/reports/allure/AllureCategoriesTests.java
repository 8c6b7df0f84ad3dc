package org.fwcts.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Allure categories")
class AllureCategoriesTests {
    private static final String TARGET_TRACE = "org.fwcts.testcases.support.TargetUnresponsiveException: no verdict:\n"
            + "SMC 0x80000000\n\tat org.fwcts.testcases.support.CallAssert.matchesModel(CallAssert.java:38)\n";
    private static final String HARNESS_TRACE = "java.lang.NullPointerException: oops\n\tat org.fwcts.Something.run(Something.java:1)\n";

    @TempDir
    Path temp;

    private JsonNode categories() throws IOException {
        AllureCategories.write(temp, List.of("TargetUnresponsiveException", "TargetException"));
        return new ObjectMapper().readTree(temp.resolve(AllureCategories.FILE).toFile());
    }

    /** As Allure matches a category's trace pattern: the whole trace, dot matching newlines. */
    private static boolean matches(JsonNode category, String trace) {
        return Pattern.compile(category.get("traceRegex").asText(), Pattern.DOTALL).matcher(trace).matches();
    }

    @Test
    @DisplayName("put failed tests under conformance failures")
    void failuresAreConformanceFailures() throws IOException {
        JsonNode failures = categories().get(0);
        assertThat(failures.get("name").asText()).isEqualTo(AllureCategories.CONFORMANCE_FAILURES);
        assertThat(failures.get("matchedStatuses")).extracting(JsonNode::asText).containsExactly("failed");
    }

    @Test
    @DisplayName("put each broken test in exactly one of broken targets and harness errors")
    void brokenCategoriesAreExclusive() throws IOException {
        JsonNode brokenTargets = categories().get(1);
        JsonNode harnessErrors = categories().get(2);
        assertThat(brokenTargets.get("name").asText()).isEqualTo(AllureCategories.BROKEN_TARGETS);
        assertThat(harnessErrors.get("name").asText()).isEqualTo(AllureCategories.HARNESS_ERRORS);
        assertThat(matches(brokenTargets, TARGET_TRACE)).isTrue();
        assertThat(matches(harnessErrors, TARGET_TRACE)).isFalse();
        assertThat(matches(brokenTargets, HARNESS_TRACE)).isFalse();
        assertThat(matches(harnessErrors, HARNESS_TRACE)).isTrue();
        assertThat(matches(brokenTargets, "x.SubTargetExceptionally: no")).isFalse();
    }

    @Test
    @DisplayName("are laid out as Jackson's indenting writer lays them out")
    void laidOutAsJacksonWould() throws IOException {
        JsonNode tree = categories();
        assertThat(Files.readString(temp.resolve(AllureCategories.FILE)))
                .isEqualTo(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree));
    }

    @Test
    @DisplayName("come with the executor's name and the run's, as JSON")
    void executor() throws IOException {
        AllureEnvironment.write(temp, "20261205-1200-q\"x", Map.of("target", "q"));
        assertThat(new ObjectMapper().readValue(temp.resolve(AllureEnvironment.EXECUTOR).toFile(), Map.class)).isEqualTo(Map.of(
                "name", "FWCTS", "type", "fwcts", "buildName", "20261205-1200-q\"x", "reportName", "FWCTS 20261205-1200-q\"x"));
    }
}
