package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts summary with waivers, on a recorded run whose one failure is SMCCC.FID_W0 (run on 2026-11-22)")
class SummaryCommandSelfTests {
    private static final Path FIXTURE = ProjectLayout.discover().root().resolve("reports/src/test/resources/runs/one-failure");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path run;

    @BeforeEach
    void copyRun() throws IOException {
        run = Files.createDirectories(temp.resolve("run"));
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path file : files.toList()) {
                Files.copy(file, run.resolve(file.getFileName()));
            }
        }
    }

    private Path waivers(String expires) throws IOException {
        return Files.writeString(temp.resolve("waivers.yaml"), """
                waivers:
                  - rule: SMCCC.FID_W0
                    justification: QEMU's built-in PSCI decodes all of x0; accepted for emulator runs
                    expires: %s
                """.formatted(expires));
    }

    private JsonNode failure() throws IOException {
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        for (JsonNode test : summary.get("tests")) {
            if (test.get("rules").toString().contains("SMCCC.FID_W0") && test.get("name").asText().contains("0x84000000")) {
                return test;
            }
        }
        throw new AssertionError("no SMCCC.FID_W0 failure in " + summary);
    }

    @Test
    @DisplayName("shows the failure as waived and passes, exit 0")
    void waivedFailurePasses() throws IOException {
        CliRun cli = CliRun.of("summary", run.toString(), "--waivers", waivers("2027-06-30").toString());
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("PASS (1 failure waived)");
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("verdict").asText()).isEqualTo("PASS");
        assertThat(summary.at("/counts/waived").asInt()).isEqualTo(1);
        assertThat(failure().get("status").asText()).isEqualTo("WAIVED");
        assertThat(failure().at("/waiver/justification").asText()).startsWith("QEMU's built-in PSCI");
        assertThat(summary.at("/rules").findValuesAsText("verdict")).contains("WAIVED").doesNotContain("FAILED");
        assertThat(Files.readString(run.resolve("summary.md"))).contains("**Verdict: PASS (1 failure waived)**")
                .contains("## Waived failures");
        assertThat(Files.readString(run.resolve("summary.html"))).contains("Verdict: PASS (1 failure waived)");
    }

    @Test
    @DisplayName("turns the failure back into a failure once the waiver has expired, exit 1")
    void expiredWaiverFails() throws IOException {
        CliRun cli = CliRun.of("summary", run.toString(), "--waivers", waivers("2026-11-21").toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(failure().get("status").asText()).isEqualTo("FAILED");
        assertThat(failure().at("/expiredWaiver/expires").asText()).isEqualTo("2026-11-21");
        assertThat(summary.at("/waivers/entries/0/state").asText()).isEqualTo("EXPIRED");
    }

    @Test
    @DisplayName("refuses a bad waiver file with one error naming file and field, leaving the summary alone")
    void badWaiverFile() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.yaml"), "waivers:\n  - rule: SMCCC.FID_W0\n    expires: 2027-01-01\n");
        CliRun cli = CliRun.of("summary", run.toString(), "--waivers", bad.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("fwcts: " + bad + ": waivers[0].justification: missing field\n");
        assertThat(run.resolve("summary.json")).hasSameTextualContentAs(FIXTURE.resolve("summary.json"));
    }
}
