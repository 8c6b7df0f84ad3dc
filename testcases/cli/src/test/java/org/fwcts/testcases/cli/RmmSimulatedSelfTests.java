package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
    private static final String GRANULES = "RMI granule delegation › ";
    private static final String UNDELEGATE_IN_USE =
            "a granule a running realm uses as its REC or as data cannot be undelegated: ERROR_INPUT";
    private static final String RTT = "RMI realm translation tables and data › ";
    private static final String SPLIT = "Realm IPA space: protected and unprotected halves › ";
    private static final String RSI = "RSI from a realm › ";
    private static final String LIFECYCLE = "RMI realm life cycle › ";
    private static final String ATTEST = "Realm attestation › ";
    private static final String TOKEN = ATTEST + "the CCA token comes INCOMPLETE in parts, then whole; it holds the"
            + " platform and realm tokens, the challenge, the RIM and the REMs the realm reads";
    /** RMI 2.0 only: REC_CREATE as a stateful operation with memory donation. */
    private static final String DONATION = "RMI 2.0 REC_CREATE takes only what it asks for: too many granules, then an"
            + " undelegated first granule fail the donation; a wrong MPIDR fails on RMI_OP_CONTINUE after the granules are"
            + " reclaimed";

    @TempDir
    static Path temp;

    private static JsonNode run(String name, String deviation) throws IOException {
        return new SimulatedVariants(temp, "simulated-rmm", "rmm").run(name, deviation);
    }

    private static List<String> named(JsonNode summary, String status) {
        return SimulatedVariants.named(summary, status);
    }

    @Test
    @DisplayName("the conforming simulation passes the RMM catalogue; realm calls are carried by REC_ENTER and judged")
    void conforming() throws IOException {
        JsonNode summary = run("rmm-conforming", null);
        assertThat(named(summary, "FAILED")).isEmpty();
        assertThat(named(summary, "BROKEN")).isEmpty();
        assertThat(named(summary, "SKIPPED")).containsExactlyInAnyOrder(LIFECYCLE + DONATION, TOKEN);
        assertThat(summary.get("counts").get("passed").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(summary.get("simulated").asBoolean()).isTrue();
        String calls = Files.readString(temp.resolve("run-rmm-conforming/calls.jsonl"));
        assertThat(calls).as("realm calls in the history").contains("\"conduit\":\"REC_ENTER\"").contains("\"memIn\"");
        assertThat(Files.readString(temp.resolve("run-rmm-conforming/console.log"))).as("REC entries on the console")
                .contains("smc c400015c");
        CliRun recheck = CliRun.of("recheck", temp.resolve("run-rmm-conforming").toString());
        assertThat(recheck.out()).as("recheck of calls with memory").contains("0 verdicts changed");
    }

    @Test
    @DisplayName("the conforming RMI 2.0 simulation (TF-RMM v0.9.0's profile) passes the RMM catalogue, RECs made by"
            + " donation included")
    void conformingRmi2() throws IOException {
        JsonNode summary = new SimulatedVariants(temp, "simulated-rmm-v0.9", "rmm").run("rmm2-conforming", null);
        assertThat(named(summary, "FAILED")).isEmpty();
        assertThat(named(summary, "BROKEN")).isEmpty();
        assertThat(named(summary, "SKIPPED")).containsExactlyInAnyOrder(LIFECYCLE
                + "REC_CREATE refuses too many auxiliary granules, one not delegated, a wrong MPIDR and a wrong count",
                TOKEN);
        assertThat(named(summary, "PASSED")).contains(LIFECYCLE + DONATION);
        assertThat(Files.readString(temp.resolve("run-rmm2-conforming/calls.jsonl"))).as("the stateful operation's calls")
                .contains("\"0xc4000208\"").contains("\"0xc4000203\"");
    }

    static Stream<Arguments> deviations() {
        return Stream.of(
                Arguments.of("wrong-error-order", List.of(
                        RTT + "DATA_CREATE checks flags, then the source, then the granules, then the realm state, then the IPA")),
                Arguments.of("delegate-leaves-accessible", List.of(
                        GRANULES + "delegation takes a granule out of the normal world's reach; undelegation gives it back",
                        GRANULES + "an RD cannot be undelegated while its realm exists: ERROR_INPUT",
                        GRANULES + UNDELEGATE_IN_USE)),
                Arguments.of("ripas-not-applied", List.of(
                        RTT + "RTT_INIT_RIPAS turns a range to RAM within one table and says how far; RTT_READ_ENTRY reads RAM back",
                        RTT + "RTT_FOLD refuses a missing RTT and a mixed one; an RTT all RIPAS RAM folds into one level-2 entry")),
                Arguments.of("unprotected-exit-without-top-bit", List.of(
                        SPLIT + "a load from an unmapped unprotected IPA exits as a data abort with the top bit in HPFAR;"
                                + " the host emulates it",
                        SPLIT + "a store to an unmapped unprotected IPA exits with a syndrome saying it wrote 8 bytes, and the value")),
                Arguments.of("wrong-rec-exit-reason", List.of(
                        RSI + "a RIPAS change to RAM exits to the host, which applies it; the realm sees it accepted",
                        RSI + "a RAM page without data exits to the host until the host gives it a granule",
                        RSI + "a RIPAS change the host does not apply and rejects comes back to the realm as REJECT",
                        RSI + "RTT_SET_RIPAS refuses a range other than the pending one, and any range when none is pending",
                        // Its data granule is RAM the realm asks for through the same exit.
                        GRANULES + UNDELEGATE_IN_USE,
                        TOKEN)),
                Arguments.of("measurement-not-extended", List.of(
                        RSI + "RSI_MEASUREMENT_EXTEND makes a REM H(REM || bytes), read back by RSI_MEASUREMENT_READ; the"
                                + " RIM, index 5 and 65 bytes cannot be extended", TOKEN)),
                Arguments.of("attest-wrong-token-bound", List.of(TOKEN, ATTEST + "RSI_ATTEST_TOKEN_CONTINUE checks its buffer"
                        + " before the token's state: an unaligned, overlong, unprotected or RIPAS EMPTY buffer is"
                        + " ERROR_INPUT, a call before INIT ERROR_STATE")));
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
