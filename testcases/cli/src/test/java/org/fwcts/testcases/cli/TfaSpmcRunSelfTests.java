package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite on real TF-A with its EL3 SPMC, where the developer has such a build: FWCTS
 * does not ship firmware, so without {@code FWCTS_TFA} this is skipped with the reason.
 */
@DisplayName("fwcts run on TF-A's EL3 SPMC under QEMU (needs FWCTS_TFA)")
class TfaSpmcRunSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Partition info by UUID leaves EL3 stack bytes in the UUID field. */
    private static final String KNOWN_DEVIATION = "FFA.PARTITION_INFO.UUID";
    /**
     * FFA_RXTX_UNMAP leaves the RX buffer's ownership as it was (spmc_main.c: neither rxtx_unmap_handler nor
     * rxtx_map_handler resets mbox->state), so buffers unmapped while their owner held the RX buffer are mapped
     * again full: the caller's next partition-info call is BUSY. Found by these caller × state cases.
     */
    private static final List<String> UNMAPPED_WHILE_FULL = List.of(
            "FFA_RXTX_UNMAP by the normal world when the normal world owns its RX buffer after its partition-info call",
            "FFA_RXTX_UNMAP by the partition when the partition owns its RX buffer after its partition-info call");

    /**
     * The catalogue's saved explore scenarios of TF-A deviations (testcases/catalogue/src/test/resources/scenarios);
     * tfa-relinquish-not-held is absent: it fails only on a build with the relinquish check removed.
     */
    private static final List<String> SCENARIOS = List.of("tfa-partition-info-uuid-leak.yaml",
            "tfa-overlap-with-incomplete-send.yaml", "tfa-retrieve-after-unmap-while-full.yaml",
            "tfa-count-only-flag-at-v1.0.yaml", "tfa-version-reopened-by-refused-request.yaml",
            "tfa-direct-req2-refused-after-spm-id-get.yaml");

    @TempDir
    Path temp;

    @Test
    @DisplayName("runs the whole suite; the only failures are TF-A's known deviations, nothing is broken")
    void catalogue() throws IOException {
        String images = System.getenv("FWCTS_TFA");
        Assumptions.assumeTrue(images != null && Files.isReadable(Path.of(images, "bl1.bin"))
                && Files.isReadable(Path.of(images, "fip.bin")),
                "TF-A images not configured: set FWCTS_TFA to a folder with bl1.bin and fip.bin built for PLAT=qemu"
                        + " SPD=spmd SPMC_AT_EL3=1 (see README, Firmware with an SPMC)");
        Path runDir = temp.resolve("run");
        // Every test, SMCCC and PSCI too: the tfa-bl31 answers the profile carries were checked against this build.
        CliRun.of("run", "-t", "qemu-tfa", "-o", runDir.toString());
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        assertThat(RunCommandSelfTests.tests(summary, "BROKEN")).isEmpty();
        assertThat(RunCommandSelfTests.tests(summary, "PASSED")).hasSizeGreaterThanOrEqualTo(250);
        assertThat(RunCommandSelfTests.tests(summary, "FAILED")).allSatisfy(t -> assertThat(
                t.get("rules").toString().contains(KNOWN_DEVIATION)
                        || UNMAPPED_WHILE_FULL.stream().anyMatch(t.get("name").asText()::endsWith)
                        || SCENARIOS.stream().anyMatch(t.get("name").asText()::endsWith))
                .as("a known TF-A deviation: %s", t.get("name").asText()).isTrue());
        // Each scenario holds a deviation of TF-A v2.15.0-619: a build where one passes has fixed it.
        assertThat(SCENARIOS).allSatisfy(scenario -> assertThat(RunCommandSelfTests.tests(summary, "FAILED"))
                .as("saved scenario %s fails", scenario)
                .anySatisfy(t -> assertThat(t.get("name").asText()).endsWith(scenario)));
    }
}
