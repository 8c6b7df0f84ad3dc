package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fwcts.reports.waiver.Waiver;
import org.fwcts.reports.waiver.Waivers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("summary.json, written without an object mapper")
class SummaryJsonTests {
    private static final ObjectMapper JACKSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** What a target's console may put into a message: control bytes, DEL, quotes, '/', non-ASCII, an emoji, a lone surrogate half. */
    private static final String AWKWARD = "x0 \"differs\" \\ a/b \u0000\u0007\u001b[0m\u007f\t\r\n é \u2028 \uD83D\uDE00 \uDC00 ]]>";
    private static final Instant STARTED = Instant.parse("2026-12-05T22:00:00Z");

    private static RunSummary awkward() {
        Map<String, String> target = new LinkedHashMap<>();
        target.put("target", "qemu-tfa");
        target.put(AWKWARD, AWKWARD);
        List<TestRecord> tests = List.of(
                new TestRecord("[engine:junit-jupiter]/[class:A]/[method:a()]", "A › " + AWKWARD,
                        List.of("conformance", "rule:FFA.VERSION"), TestStatus.FAILED, Long.MAX_VALUE, AWKWARD),
                new TestRecord("[engine:junit-jupiter]/[class:A]/[method:b()]", "no tags", List.of(), TestStatus.PASSED, 0, null),
                new TestRecord("[engine:junit-jupiter]/[class:A]/[method:c()]", "", List.of("rule:PSCI.VERSION"),
                        TestStatus.FAILED, 12, ""));
        Waivers waivers = new Waivers(Path.of("wai/vers \u00e9.yaml"), List.of(
                new Waiver(Waiver.Scope.RULE, "FFA.VERSION", AWKWARD, LocalDate.of(2027, 1, 1)),
                new Waiver(Waiver.Scope.RULE, "PSCI.VERSION", "lapsed", LocalDate.of(2026, 1, 1))));
        return new RunSummary("run " + AWKWARD, STARTED, STARTED.plusMillis(1234), target,
                new SuiteInfo("0.1.0", Fixtures.RULES), tests, waivers, AWKWARD);
    }

    static Stream<RunSummary> summaries() {
        Waivers waivers = new Waivers(Path.of("waivers.yaml"), List.of(
                new Waiver(Waiver.Scope.RULE, "SMCCC.FID_W0", "accepted", LocalDate.of(2027, 1, 1)),
                new Waiver(Waiver.Scope.RULE, "PSCI.VERSION", "lapsed", LocalDate.of(2026, 1, 1))));
        return Stream.of(
                Fixtures.run("nightly-a").summary(Fixtures.RULES, Waivers.none()),
                Fixtures.run("nightly-b").summary(Fixtures.RULES, waivers),
                Fixtures.run("one-failure").summary(Map.of(), waivers),
                new RunSummary("empty", STARTED, STARTED, Map.of(), new SuiteInfo("0.1.0", Map.of()), List.of(),
                        Waivers.none(), null),
                awkward());
    }

    @ParameterizedTest
    @MethodSource("summaries")
    @DisplayName("has the bytes Jackson's INDENT_OUTPUT writes for the same tree")
    void sameBytesAsJackson(RunSummary summary) throws Exception {
        byte[] written = SummaryJson.of(summary);
        byte[] jackson = JACKSON.writeValueAsBytes(JACKSON.readTree(written));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(jackson, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(jackson);
    }

    @Test
    @DisplayName("reads back the awkward strings it was given, where the schema puts them")
    void awkwardStringsReadBack() throws Exception {
        JsonNode json = JACKSON.readTree(SummaryJson.of(awkward()));
        assertThat(json.get("runId").asText()).isEqualTo("run " + AWKWARD);
        assertThat(json.get("runError").asText()).isEqualTo(AWKWARD);
        assertThat(json.at("/target").get(AWKWARD).asText()).isEqualTo(AWKWARD);
        assertThat(json.at("/tests/0/message").asText()).isEqualTo(AWKWARD);
        assertThat(json.at("/tests/0/durationMillis").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(json.at("/tests/0/waiver/justification").asText()).isEqualTo(AWKWARD);
        assertThat(json.at("/tests/2/expiredWaiver/justification").asText()).isEqualTo("lapsed");
        assertThat(json.at("/tests/1/tags").isEmpty()).isTrue();
        assertThat(json.at("/waivers/file").asText()).isEqualTo(Path.of("wai/vers \u00e9.yaml").toString());
    }
}
