package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** The one deviation this TF-A shows: partition info by UUID leaves EL3 stack bytes in the UUID field. */
    private static final String KNOWN_DEVIATION = "FFA.PARTITION_INFO.UUID";

    @TempDir
    Path temp;

    @Test
    @DisplayName("runs the whole suite; the only failures are TF-A's known deviation, nothing is broken")
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
        assertThat(RunCommandSelfTests.tests(summary, "FAILED"))
                .allSatisfy(t -> assertThat(t.get("rules").toString()).contains(KNOWN_DEVIATION));
    }
}
