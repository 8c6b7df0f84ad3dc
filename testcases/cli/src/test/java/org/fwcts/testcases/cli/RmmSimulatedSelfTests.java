package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RMM catalogue against the simulated RMM target: it passes on the conforming simulation, with
 * realm agents that really answer through REC exits, and with each injected deviation it fails
 * exactly the tests whose scenario reveals that deviation.
 */
@DisplayName("fwcts run on the simulated RMM target")
class RmmSimulatedSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRANULES = "RMI granule delegation › ";
    private static final String RTT = "RMI realm translation tables and data › ";
    private static final String SPLIT = "Realm IPA space: protected and unprotected halves › ";
    private static final String RSI = "RSI from a realm › ";

    @TempDir
    static Path temp;

    private static JsonNode run(String name, String deviation) throws IOException {
        String original = Files.readString(ProjectLayout.discover().targetsDir().resolve("simulated-rmm.yaml"));
        String text = original.replace("name: simulated-rmm", "name: " + name);
        if (deviation != null) {
            text = text.replace("\nffa:", "\nsimulated:\n  deviations: [\"" + deviation + "\"]\nffa:");
        }
        Path descriptor = Files.writeString(temp.resolve(name + ".yaml"), text);
        Path runDir = temp.resolve("run-" + name);
        CliRun run = CliRun.of("run", "-t", descriptor.toString(), "--tag", "rmm", "-o", runDir.toString());
        assertThat(run.err()).as("errors").doesNotContain("Exception");
        return JSON.readTree(runDir.resolve("summary.json").toFile());
    }

    private static List<String> named(JsonNode summary, String status) {
        List<String> names = new ArrayList<>();
        for (JsonNode test : RunCommandSelfTests.tests(summary, status)) {
            names.add(test.get("name").asText());
        }
        return names;
    }

    @Test
    @DisplayName("the conforming simulation passes the RMM catalogue; realm calls are carried by REC_ENTER and judged")
    void conforming() throws IOException {
        JsonNode summary = run("rmm-conforming", null);
        assertThat(named(summary, "FAILED")).isEmpty();
        assertThat(named(summary, "BROKEN")).isEmpty();
        assertThat(named(summary, "SKIPPED")).isEmpty();
        assertThat(summary.get("counts").get("passed").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(summary.get("simulated").asBoolean()).isTrue();
        String calls = Files.readString(temp.resolve("run-rmm-conforming/calls.jsonl"));
        assertThat(calls).as("realm calls in the history").contains("\"conduit\":\"REC_ENTER\"").contains("\"memIn\"");
        assertThat(Files.readString(temp.resolve("run-rmm-conforming/console.log"))).as("REC entries on the console")
                .contains("smc c400015c");
        CliRun recheck = CliRun.of("recheck", temp.resolve("run-rmm-conforming").toString());
        assertThat(recheck.out()).as("recheck of calls with memory").contains("0 verdicts changed");
    }

    static Stream<Arguments> deviations() {
        return Stream.of(
                Arguments.of("wrong-error-order", List.of(
                        RTT + "DATA_CREATE checks flags, then the source, then the granules, then the realm state, then the IPA")),
                Arguments.of("delegate-leaves-accessible", List.of(
                        GRANULES + "delegation takes a granule out of the normal world's reach; undelegation gives it back",
                        GRANULES + "an RD cannot be undelegated while its realm exists: ERROR_INPUT")),
                Arguments.of("ripas-not-applied", List.of(
                        RTT + "RTT_INIT_RIPAS turns a range to RAM within one table and says how far; RTT_READ_ENTRY reads RAM back")),
                Arguments.of("unprotected-exit-without-top-bit", List.of(
                        SPLIT + "a load from an unmapped unprotected IPA exits as a data abort with the top bit in HPFAR;"
                                + " the host emulates it",
                        SPLIT + "a store to an unmapped unprotected IPA exits with a syndrome saying it wrote 8 bytes, and the value")),
                Arguments.of("wrong-rec-exit-reason", List.of(
                        RSI + "a RIPAS change to RAM exits to the host, which applies it; the realm sees it accepted",
                        RSI + "a RAM page without data exits to the host until the host gives it a granule",
                        RSI + "a RIPAS change the host does not apply and rejects comes back to the realm as REJECT",
                        RSI + "RTT_SET_RIPAS refuses a range other than the pending one, and any range when none is pending")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    @DisplayName("each named deviation fails exactly the tests that reveal it")
    void deviation(String deviation, List<String> revealing) throws IOException {
        JsonNode summary = run("rmm-" + deviation, deviation);
        assertThat(named(summary, "FAILED")).containsExactlyInAnyOrderElementsOf(revealing);
        assertThat(named(summary, "BROKEN")).isEmpty();
    }
}
