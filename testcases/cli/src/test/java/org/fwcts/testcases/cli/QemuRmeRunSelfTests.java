package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on a QEMU with FEAT_RME (8.2 or later, e.g. Debian's 10.0 backport) and, for the RMM
 * catalogue, the user's TF-A + TF-RMM build: FWCTS ships neither, so without
 * {@code FWCTS_QEMU_RME} (the QEMU binary) and {@code FWCTS_RME} (bl1.bin and fip.bin) these are
 * skipped with the reason.
 */
@DisplayName("fwcts run on a QEMU with RME (needs FWCTS_QEMU_RME, and FWCTS_RME for TF-A + TF-RMM)")
class QemuRmeRunSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** QEMU's built-in PSCI picks the function from all 64 bits of x0, in 7.2 and in 10.0 alike (README). */
    private static final String QEMU_PSCI_DEVIATION = "SMCCC.FID_W0";
    /**
     * Rules whose failures on TF-RMM are known deviations of TF-RMM from DEN0137, each with the
     * TF-RMM source that explains it. None is known yet.
     */
    private static final List<String> TF_RMM_DEVIATIONS = List.of();

    @TempDir
    Path temp;

    private static Path qemu() {
        String binary = System.getenv("FWCTS_QEMU_RME");
        Assumptions.assumeTrue(binary != null && Files.isExecutable(Path.of(binary)),
                "no QEMU with RME configured: set FWCTS_QEMU_RME to a qemu-system-aarch64 8.2 or later"
                        + " (see README, QEMU with RME)");
        return Path.of(binary);
    }

    private static void assumeFirmware() {
        String images = System.getenv("FWCTS_RME");
        Assumptions.assumeTrue(images != null && Files.isReadable(Path.of(images, "bl1.bin"))
                && Files.isReadable(Path.of(images, "fip.bin")),
                "TF-A + TF-RMM images not configured: set FWCTS_RME to a folder with bl1.bin and fip.bin built for"
                        + " PLAT=qemu ENABLE_FEAT_RME=1 ENABLE_RMM=1 RMM=rmm.img (see README, QEMU with RME)");
    }

    @Test
    @DisplayName("the default qemu-virt target predicts the newer QEMU's built-in PSCI as it does 7.2's")
    void defaultSuiteOnNewerQemu() throws IOException {
        Path binary = qemu();
        Path descriptor = temp.resolve("qemu-virt-rme-qemu.yaml");
        String text = Files.readString(ProjectLayout.discover().root().resolve("targets/qemu-virt.yaml"));
        Files.writeString(descriptor, text.replaceFirst("(?m)^  binary: .*$", "  binary: " + binary));
        Path runDir = temp.resolve("virt");
        CliRun.of("run", "-t", descriptor.toString(), "-o", runDir.toString());
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        assertThat(RunCommandSelfTests.tests(summary, "BROKEN")).isEmpty();
        assertThat(RunCommandSelfTests.tests(summary, "PASSED")).hasSizeGreaterThanOrEqualTo(70);
        assertThat(RunCommandSelfTests.tests(summary, "FAILED")).isNotEmpty().allSatisfy(t -> assertThat(
                t.get("rules").toString()).contains(QEMU_PSCI_DEVIATION));
    }

    @Test
    @DisplayName("the RMM catalogue on TF-RMM: nothing broken, every failure a known TF-RMM deviation")
    void rmmCatalogue() throws IOException {
        qemu();
        assumeFirmware();
        CliRun listed = CliRun.of("list", "--tag", "rmm");
        Assumptions.assumeTrue(listed.exitCode() == 0 && !listed.out().startsWith("0 tests"),
                "this build has no test tagged rmm");
        Path runDir = temp.resolve("rme");
        // qemu-rme is the TF-A v2.15 + TF-RMM v0.9.0 pair; FWCTS_RME_TARGET=qemu-rme-v0.8 names the older one.
        String target = java.util.Optional.ofNullable(System.getenv("FWCTS_RME_TARGET")).orElse("qemu-rme");
        CliRun.of("run", "-t", target, "--tag", "rmm", "-o", runDir.toString());
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        assertThat(RunCommandSelfTests.tests(summary, "BROKEN")).isEmpty();
        assertThat(RunCommandSelfTests.tests(summary, "PASSED")).hasSizeGreaterThanOrEqualTo(50);
        // Only a test of the other RMI ABI is skipped (REC parameters listing auxiliary granules, or their donation).
        assertThat(RunCommandSelfTests.tests(summary, "SKIPPED")).hasSizeLessThanOrEqualTo(1);
        assertThat(RunCommandSelfTests.tests(summary, "FAILED")).allSatisfy(t -> assertThat(
                TF_RMM_DEVIATIONS.stream().anyMatch(t.get("rules").toString()::contains))
                .as("a known TF-RMM deviation: %s %s", t.get("name").asText(), t.get("message").asText()).isTrue());
    }
}
