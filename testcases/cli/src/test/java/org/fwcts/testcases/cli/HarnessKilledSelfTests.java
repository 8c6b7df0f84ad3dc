package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fwcts.reports.StoredRun;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts run killed with SIGKILL mid-run (boots real QEMU)")
class HarnessKilledSelfTests {
    private static final int RESULTS_BEFORE_KILL = 10;

    @TempDir
    Path temp;

    @Test
    @DisplayName("leaves every finished result readable and no QEMU behind; --resume then finishes the run, and its"
            + " JUnit XML, Allure results and summary all hold both parts, the failure from before the kill included")
    void sigkillLeavesResultsAndNoEmulator() throws Exception {
        Path runDir = temp.resolve("run");
        Path journal = runDir.resolve(StoredRun.JOURNAL);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process fwcts = new ProcessBuilder(List.of(java, "-Dfwcts.home=" + ProjectLayout.discover().root(),
                "-cp", System.getProperty("java.class.path"), FwctsCommand.class.getName(),
                "run", "--progress", "plain", "--output", runDir.toString()))
                .redirectOutput(temp.resolve("out.txt").toFile()).redirectErrorStream(true).start();
        List<ProcessHandle> emulators;
        try {
            // The default target's one failure (SMCCC.FID_W0) comes mid-run: kill once it is recorded.
            RunWatch.until(() -> lines(journal) >= RESULTS_BEFORE_KILL && RunWatch.failureRecorded(journal), fwcts::isAlive);
            assertThat(lines(journal)).as(RunWatch.printed(temp.resolve("out.txt"))).isGreaterThanOrEqualTo(RESULTS_BEFORE_KILL);
            assertThat(RunWatch.failureRecorded(journal)).as("a failure recorded before the kill").isTrue();
            emulators = fwcts.descendants().filter(p -> p.info().command().orElse("").contains("qemu")).toList();
            assertThat(emulators).isNotEmpty();
        } finally {
            fwcts.destroyForcibly(); // SIGKILL: no shutdown hook runs
        }
        assertThat(fwcts.waitFor(RunWatch.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle emulator : emulators) {
            emulator.onExit().get(RunWatch.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(emulator.isAlive()).as("QEMU outlived the killed harness").isFalse();
        }
        StoredRun killed = StoredRun.read(runDir);
        assertThat(killed.records()).hasSizeGreaterThanOrEqualTo(RESULTS_BEFORE_KILL)
                .allSatisfy(r -> assertThat(r.id()).isNotBlank());

        assertThat(killed.records()).anyMatch(r -> r.status() == org.fwcts.reports.TestStatus.FAILED);

        CliRun resumed = CliRun.of("run", "--resume", runDir.toString(), "--progress", "plain");
        assertThat(resumed.out()).contains("resuming").contains(killed.records().size() + " test(s) finished before");
        assertThat(resumed.exitCode()).as("the failure before the kill decides the verdict").isEqualTo(1);
        RunOutputs outputs = RunOutputs.read(runDir);
        outputs.assertAgree();
        assertThat(outputs.journal()).containsEntry("FAILED", 1);
        Path full = temp.resolve("full");
        CliRun.of("run", "--progress", "plain", "--output", full.toString());
        List<String> afterResume = StoredRun.read(runDir).records().stream().map(r -> r.id()).toList();
        List<String> fullRun = StoredRun.read(full).records().stream().map(r -> r.id()).toList();
        assertThat(afterResume).as("no test recorded twice").doesNotHaveDuplicates();
        assertThat(afterResume).as("the killed run and its resumption cover a full run")
                .containsExactlyInAnyOrderElementsOf(fullRun);
        assertThat(afterResume.subList(0, killed.records().size()))
                .containsExactlyElementsOf(killed.records().stream().map(r -> r.id()).toList());
        assertThat(outputs.total()).isEqualTo(fullRun.size());
        RunOutputs.read(full).assertAgree();
        CliRun recheck = CliRun.of("recheck", runDir.toString());
        assertThat(recheck.out()).as("the killed and resumed history judged again").endsWith("0 verdicts changed\n");
    }

    private static long lines(Path journal) throws Exception {
        return RunWatch.journalLines(journal).size();
    }
}
