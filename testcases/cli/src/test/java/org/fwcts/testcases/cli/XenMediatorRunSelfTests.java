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
 * The mediator catalogue on real Xen 4.22 under QEMU ({@code targets/qemu-xen.yaml}). FWCTS ships
 * neither Xen nor TF-A, so without {@code FWCTS_XEN} and {@code FWCTS_XEN_TFA} this is skipped with
 * the reason.
 */
@DisplayName("fwcts run --tag mediator on Xen 4.22 under QEMU (needs FWCTS_XEN and FWCTS_XEN_TFA)")
class XenMediatorRunSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    @DisplayName("runs the mediator catalogue: nothing fails, and a test without a verdict lost its line on Xen's console")
    void catalogue() throws IOException {
        String xen = System.getenv("FWCTS_XEN");
        String tfa = System.getenv("FWCTS_XEN_TFA");
        Assumptions.assumeTrue(xen != null && Files.isReadable(Path.of(xen)) && tfa != null
                && Files.isReadable(Path.of(tfa, "bl1.bin")) && Files.isReadable(Path.of(tfa, "fip.bin")),
                "Xen images not configured: set FWCTS_XEN to a Xen 4.22 image and FWCTS_XEN_TFA to a TF-A build"
                        + " folder (README, Real Xen on QEMU)");
        Path runDir = temp.resolve("run");
        CliRun.of("run", "-t", "qemu-xen", "--tag", "mediator", "--waivers",
                org.fwcts.targets.ProjectLayout.discover().targetsDir().resolve("qemu-xen.waivers.yaml").toString(),
                "-o", runDir.toString());
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        // Xen 4.22's one known deviation (an oversized share answered with success) is waived
        // (targets/qemu-xen.waivers.yaml; README, Real Xen on QEMU): nothing else may fail.
        assertThat(RunCommandSelfTests.tests(summary, "FAILED")).isEmpty();
        assertThat(RunCommandSelfTests.tests(summary, "PASSED")).hasSizeGreaterThanOrEqualTo(20);
        assertThat(RunCommandSelfTests.tests(summary, "BROKEN")).allSatisfy(t -> assertThat(t.get("message").asText())
                .containsAnyOf("no valid reply within", "err crc", "err syntax", "code=crc", "code=syntax"));
    }
}
