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
import org.fwcts.reports.RunSummary;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.allure.AllureCategories;
import org.fwcts.reports.waiver.WaiverFile;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts run on the default QEMU target (boots real QEMU)")
class RunCommandSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    static List<JsonNode> tests(JsonNode summary, String status) {
        List<JsonNode> matching = new ArrayList<>();
        summary.get("tests").forEach(t -> {
            if (t.get("status").asText().equals(status)) {
                matching.add(t);
            }
        });
        return matching;
    }

    /** Every Allure result file of a run, as text. */
    static String allureResults(Path runDir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(runDir.resolve("allure-results"))) {
            for (Path file : files.toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }

    @AfterEach
    void noEmulatorOutlivesTheRun() {
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("qemu")))
                .as("QEMU processes left behind").isEmpty();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("with the shipped qemu-builtin-psci profile")
    class DefaultProfile {
        private CliRun run;
        private Path runDir;
        private JsonNode summary;

        @org.junit.jupiter.api.BeforeAll
        void runOnce() throws IOException {
            runDir = temp.resolve("default");
            run = CliRun.of("run", "--output", runDir.toString());
            summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        }

        @Test
        @DisplayName("exits 1 with exactly one failure: QEMU decodes the function ID from all of x0, not w0")
        void findsQemuFunctionIdDeviation() {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(summary.get("verdict").asText()).isEqualTo("FAIL");
            List<JsonNode> failed = tests(summary, "FAILED");
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).get("name").asText()).contains("0x84000000 with x0[63:32] all ones");
            assertThat(failed.get(0).get("message").asText()).contains("deciding rule SMCCC.FID_W0")
                    .contains("<-- MISMATCH");
        }

        @Test
        @DisplayName("prints the failure with its reason and rule, the skips counted by reason, and the shipped waiver file")
        void consoleShowsFailureFirst() {
            assertThat(run.out()).contains("Failed (1):")
                    .contains("w0 alone selects the function: PSCI_VERSION returns 1.1 [SMCCC.FID_W0]")
                    .contains("Skipped, by reason:").contains("FF-A absent: FFA_VERSION returned NOT_SUPPORTED (-1)")
                    .contains("--waivers " + ProjectLayout.discover().targetsDir().resolve("qemu-virt.waivers.yaml"));
            assertThat(run.out().indexOf("Failed (1):")).isLessThan(run.out().indexOf("Summary: "));
        }

        @Test
        @DisplayName("is a PASS with the one failure waived under the shipped targets/qemu-virt.waivers.yaml")
        void shippedWaiversCoverTheDeviation() {
            Path file = ProjectLayout.discover().targetsDir().resolve("qemu-virt.waivers.yaml");
            RunSummary waived = StoredRun.read(runDir).summary(ModelRules.references(), WaiverFile.load(file, ModelRules::known));
            assertThat(waived.verdict()).isEqualTo("PASS");
            assertThat(waived.verdictLine()).isEqualTo("PASS (1 failure waived)");
            assertThat(waived.waivers().entries()).singleElement()
                    .satisfies(w -> assertThat(w.justification()).contains("QEMU 7.2"));
        }

        @Test
        @DisplayName("passes the SMCCC and PSCI discovery tests and skips the FF-A, OP-TEE and RMM tests with the reason")
        void skipsFfaWithReason() {
            assertThat(summary.get("counts").get("passed").asInt()).isGreaterThan(60);
            assertThat(summary.get("counts").get("broken").asInt()).isZero();
            List<JsonNode> skipped = tests(summary, "SKIPPED");
            assertThat(skipped).isNotEmpty().allSatisfy(t -> {
                if (t.get("tags").toString().contains("\"rmm\"")) {
                    assertThat(t.get("message").asText()).isEqualTo("profile qemu-builtin-psci has no RMM");
                    return;
                }
                if (t.get("tags").toString().contains("\"optee\"")) {
                    assertThat(t.get("message").asText()).isEqualTo("no OP-TEE mediator: profile qemu-builtin-psci has"
                            + " no guest VMs behind Xen's OP-TEE mediator");
                    return;
                }
                assertThat(t.get("tags").toString()).contains("\"ffa\"");
                assertThat(t.get("message").asText()).isEqualTo("FF-A absent: FFA_VERSION returned NOT_SUPPORTED (-1) [FFA.ABSENT]");
            });
            assertThat(run.out()).contains("SKIPPED").contains("Summary: ");
        }

        @Test
        @DisplayName("writes the summary with target identity, Allure results with console logs, JUnit XML and the journal")
        void writesReports() throws IOException {
            assertThat(summary.get("schema").asText()).isEqualTo("fwcts-summary/2");
            assertThat(summary.at("/suite/version").asText()).isNotBlank().isNotEqualTo("unknown");
            assertThat(summary.get("specifications")).extracting(JsonNode::asText).contains("DEN0028 v1.6 (SMCCC)");
            assertThat(summary.get("target").get("profile").asText()).isEqualTo("qemu-builtin-psci");
            assertThat(summary.get("target").get("sha256 agent:agent-virt").asText()).hasSize(64);
            assertThat(summary.get("target").get("agent").asText()).contains("EL2");
            assertThat(Files.readString(runDir.resolve("summary.md"))).contains("**Verdict: FAIL**").contains("## Skipped");
            assertThat(Files.readString(runDir.resolve("summary.html"))).contains("Verdict: FAIL").contains("SMCCC.FID_W0");
            assertThat(allureResults(runDir)).contains("\"status\":\"failed\"").contains("registers: predicted vs observed")
                    .contains("\"name\":\"console\"").contains("\"name\":\"model trace\"")
                    .contains("{\"name\":\"epic\",\"value\":\"SMCCC\"}").contains("{\"name\":\"story\",\"value\":\"SMCCC.FID_W0\"}")
                    .contains(AllureCategories.BROKEN_TARGETS).doesNotContain("support.Firmware@");
            assertThat(runDir.resolve("allure-results/environment.properties")).content()
                    .contains("profile=qemu-builtin-psci").contains("sha256\\ agent\\:agent-virt=").contains("suite=FWCTS ");
            try (Stream<Path> xml = Files.list(runDir.resolve("junit"))) {
                assertThat(xml.map(Path::toString)).anyMatch(n -> n.endsWith(".xml"));
            }
            assertThat(Files.readAllLines(runDir.resolve("results.jsonl"))).hasSize(summary.get("tests").size());
            assertThat(Files.readString(runDir.resolve("console.log"))).contains("agent TX >").contains("agent RX <");
        }
    }

    @Test
    @DisplayName("with a profile that wrongly claims PSCI 0.2 fails PSCI_VERSION with the register table, in the Allure result too")
    void wrongPredictionFails() throws IOException {
        Path descriptor = temp.resolve("qemu-psci02.yaml");
        Files.writeString(descriptor, Files.readString(ProjectLayout.discover().targetsDir().resolve("qemu-virt.yaml"))
                .replace("profile: qemu-builtin-psci", "profile: qemu-builtin-psci\nprofileOverrides:\n  psciVersion: \"0.2\""));
        Path runDir = temp.resolve("psci02");
        CliRun run = CliRun.of("run", "--target", descriptor.toString(), "--tag", "psci", "--output", runDir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        JsonNode version = tests(summary, "FAILED").stream()
                .filter(t -> t.get("name").asText().equals("PSCI_VERSION › reports the implemented PSCI version"))
                .findFirst().orElseThrow();
        assertThat(version.get("message").asText()).contains("PSCI_VERSION returns 0.2")
                .contains("x0   0x00000002 (w)           0x10001").contains("<-- MISMATCH");
        assertThat(allureResults(runDir)).contains("reports the implemented PSCI version").contains("PSCI_VERSION returns 0.2");
    }
}
