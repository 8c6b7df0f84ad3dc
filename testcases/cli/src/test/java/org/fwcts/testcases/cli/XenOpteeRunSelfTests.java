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
 * The OP-TEE catalogue on real Xen 4.22 and OP-TEE OS under QEMU ({@code targets/qemu-xen-optee.yaml}).
 * FWCTS ships neither, so without {@code FWCTS_XEN_OPTEE} and {@code FWCTS_OPTEE_TFA} this is
 * skipped with the reason.
 */
@DisplayName("fwcts run --tag optee on Xen 4.22 + OP-TEE under QEMU (needs FWCTS_XEN_OPTEE and FWCTS_OPTEE_TFA)")
class XenOpteeRunSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    @DisplayName("runs the OP-TEE catalogue: nothing fails, and a test without a verdict lost its line on Xen's console")
    void catalogue() throws IOException {
        String xen = System.getenv("FWCTS_XEN_OPTEE");
        String tfa = System.getenv("FWCTS_OPTEE_TFA");
        Assumptions.assumeTrue(xen != null && Files.isReadable(Path.of(xen)) && tfa != null
                && Files.isReadable(Path.of(tfa, "bl1.bin")) && Files.isReadable(Path.of(tfa, "fip.bin")),
                "Xen + OP-TEE images not configured: set FWCTS_XEN_OPTEE to a Xen 4.22 image with CONFIG_OPTEE and"
                        + " FWCTS_OPTEE_TFA to a TF-A build folder with OP-TEE as BL32 (README, Xen's OP-TEE mediator on QEMU)");
        Path runDir = temp.resolve("run");
        CliRun.of("run", "-t", "qemu-xen-optee", "--tag", "optee", "-o", runDir.toString());
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        // Xen 4.22.0 with OP-TEE 4.9.0 showed no deviation from the model (README, Xen's OP-TEE mediator on QEMU).
        assertThat(RunCommandSelfTests.tests(summary, "FAILED")).isEmpty();
        assertThat(RunCommandSelfTests.tests(summary, "PASSED")).hasSizeGreaterThanOrEqualTo(12);
        assertThat(RunCommandSelfTests.tests(summary, "BROKEN")).allSatisfy(t -> assertThat(t.get("message").asText())
                .containsAnyOf("no valid reply within", "err crc", "err syntax", "code=crc", "code=syntax"));
    }
}
