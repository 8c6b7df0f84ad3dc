package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fwcts.reports.waiver.Waiver;
import org.fwcts.reports.waiver.Waivers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The summary of a run on a simulated target")
class SimulatedTargetSummaryTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STARTED = Instant.parse("2026-11-22T02:00:00Z");
    private static final TestRecord PASSED = new TestRecord("[engine:junit-jupiter]/[class:A]/[method:a()]",
            "FF-A RX/TX buffers › maps once", List.of("conformance", "ffa", "rule:FFA.RXTX_MAP"), TestStatus.PASSED, 3, null);
    private static final TestRecord FAILED = new TestRecord("[engine:junit-jupiter]/[class:A]/[method:b()]",
            "FF-A RX/TX buffers › a second map is DENIED", List.of("conformance", "ffa", "rule:FFA.RXTX_MAP.TWICE"),
            TestStatus.FAILED, 3, "x0 differs");

    @TempDir
    Path temp;

    /** The target facts of a simulated run as the harness records them: the simulated target's identity stands where image hashes go. */
    private static Map<String, String> simulatedFacts(String simulationKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("target", "simulated-tfa");
        facts.put("profile", "tfa-el3-spmc+overrides");
        facts.put(simulationKey, "SIMULATED target, not a conformance result: profile tfa-el3-spmc+overrides");
        facts.put("deviations", "none");
        return facts;
    }

    private static RunSummary summary(Map<String, String> facts, Waivers waivers, TestRecord... tests) {
        return new RunSummary("20261122-020000-simulated-tfa", STARTED, STARTED.plusSeconds(4), facts,
                new SuiteInfo("0.1.0", Map.of()), List.of(tests), waivers, null);
    }

    @Test
    @DisplayName("says in its verdict line: PASS — SIMULATED target, not a conformance result")
    void verdictLineSaysSimulated() {
        RunSummary summary = summary(simulatedFacts("sha256 simulation"), Waivers.none(), PASSED);
        assertThat(summary.simulated()).isTrue();
        assertThat(summary.verdict()).isEqualTo("PASS");
        assertThat(summary.verdictLine()).isEqualTo("PASS — SIMULATED target, not a conformance result");
    }

    @Test
    @DisplayName("says it whatever the fact is called, and after waived failures too")
    void anyFactNameAndWaivers() {
        Waivers waivers = new Waivers(Path.of("waivers.yaml"), List.of(
                new Waiver(Waiver.Scope.RULE, "FFA.RXTX_MAP.TWICE", "injected deviation", LocalDate.of(2027, 1, 1))));
        RunSummary summary = summary(simulatedFacts("simulation"), waivers, PASSED, FAILED);
        assertThat(summary.verdictLine()).isEqualTo("PASS (1 failure waived) — SIMULATED target, not a conformance result");
        assertThat(summary(simulatedFacts("simulation"), Waivers.none(), PASSED, FAILED).verdictLine())
                .isEqualTo("FAIL — SIMULATED target, not a conformance result");
    }

    @Test
    @DisplayName("writes the verdict line into summary.md and summary.html, and simulated: true into summary.json (valid to the schema)")
    void writesItEverywhere() throws IOException {
        SummaryWriter.write(summary(simulatedFacts("sha256 simulation"), Waivers.none(), PASSED), temp);
        assertThat(Files.readString(temp.resolve("summary.md")))
                .contains("**Verdict: PASS — SIMULATED target, not a conformance result**");
        assertThat(Files.readString(temp.resolve("summary.html")))
                .contains("<span class=\"verdict PASS\">Verdict: PASS — SIMULATED target, not a conformance result</span>");
        JsonNode json = JSON.readTree(temp.resolve("summary.json").toFile());
        assertThat(json.get("simulated").isBoolean()).isTrue();
        assertThat(json.get("simulated").asBoolean()).isTrue();
        assertThat(json.get("verdict").asText()).isEqualTo("PASS");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Path.of("summary.schema.json").toFile()), config).validate(json)).isEmpty();
    }

    @Test
    @DisplayName("stays simulated when ./fwcts summary rewrites it from the run folder")
    void staysSimulatedWhenReadBack() throws IOException {
        SummaryWriter.write(summary(simulatedFacts("sha256 simulation"), Waivers.none(), PASSED), temp);
        Files.writeString(temp.resolve(StoredRun.JOURNAL), JSON.writeValueAsString(PASSED) + "\n");
        RunSummary again = StoredRun.read(temp).summary(Map.of(), Waivers.none());
        assertThat(again.verdictLine()).isEqualTo("PASS — SIMULATED target, not a conformance result");
    }

    @Test
    @DisplayName("of a real target says nothing of the kind, and simulated: false")
    void realTarget() throws IOException {
        Map<String, String> facts = Map.of("target", "qemu-tfa", "sha256 firmware:bl1", "96f046bd48e8c68e");
        RunSummary summary = summary(facts, Waivers.none(), PASSED);
        assertThat(summary.simulated()).isFalse();
        assertThat(summary.verdictLine()).isEqualTo("PASS");
        SummaryWriter.write(summary, temp);
        assertThat(Files.readString(temp.resolve("summary.md"))).contains("**Verdict: PASS**").doesNotContain("SIMULATED");
        assertThat(JSON.readTree(temp.resolve("summary.json").toFile()).get("simulated").asBoolean()).isFalse();
    }
}
