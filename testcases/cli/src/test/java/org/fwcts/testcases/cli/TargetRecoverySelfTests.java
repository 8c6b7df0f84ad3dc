package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.TestRecord;
import org.fwcts.reports.TestStatus;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts run on a target that hangs and crashes (boots real QEMU)")
class TargetRecoverySelfTests {
    private static final int COMMAND_SECONDS = 3;

    @TempDir
    Path temp;

    /**
     * qemu-virt with a short command deadline, so a hang costs seconds, and the given recovery budget. Three
     * seconds, not one: a loaded machine can stall QEMU for a second, and three such stalls in a row would turn a
     * passing test into a hang.
     */
    private Path descriptor(int recoveryAttempts) throws Exception {
        String shipped = Files.readString(ProjectLayout.discover().targetsDir().resolve("qemu-virt.yaml"));
        String fast = shipped.replace("commandSeconds: 5", "commandSeconds: " + COMMAND_SECONDS + "\n  recoveryAttempts: " + recoveryAttempts);
        assertThat(fast).contains("recoveryAttempts");
        Path file = temp.resolve("qemu-virt-fast.yaml");
        Files.writeString(file, fast);
        return file;
    }

    private List<TestStatus> statuses(Path runDir) {
        return StoredRun.read(runDir).records().stream().map(TestRecord::status).toList();
    }

    @AfterEach
    void noEmulatorOutlivesTheRun() {
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("qemu")))
                .as("QEMU processes left behind").isEmpty();
    }

    @Test
    @DisplayName("records a hang and a panic as broken, relaunches the target and runs the next test on a fresh boot")
    void recoversFromHangAndPanic() throws Exception {
        Path runDir = temp.resolve("recovering");
        CliRun run = CliRun.of("run", "-t", descriptor(2).toString(), "--tag", "selftest-faults", "--progress", "plain",
                "-o", runDir.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(statuses(runDir)).containsExactly(TestStatus.PASSED, TestStatus.BROKEN, TestStatus.PASSED,
                TestStatus.BROKEN, TestStatus.PASSED);
        List<TestRecord> records = StoredRun.read(runDir).records();
        assertThat(records.get(1).message()).contains("no valid reply within " + COMMAND_SECONDS * 1000 + " ms");
        assertThat(records.get(3).message()).contains("the agent panicked: !panic");
        String summary = Files.readString(runDir.resolve("summary.json"));
        assertThat(summary).contains("recovery after the target failed in hangs")
                .contains("recovery after the target failed in crashes").contains("\"targetFailures\" : \"2 (");
        assertThat(RunCommandSelfTests.allureResults(runDir)).contains("console tail at target failure");
    }

    @Test
    @DisplayName("gives a target up when it does not come back, recording every remaining test as not run")
    void givesUpOnTargetThatDoesNotRecover() throws Exception {
        Path runDir = temp.resolve("abandoned");
        CliRun run = CliRun.of("run", "-t", descriptor(0).toString(), "--tag", "selftest-faults", "--progress", "plain",
                "-o", runDir.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(statuses(runDir)).containsExactly(TestStatus.PASSED, TestStatus.BROKEN, TestStatus.SKIPPED,
                TestStatus.SKIPPED, TestStatus.SKIPPED);
        assertThat(StoredRun.read(runDir).records().subList(2, 5))
                .allSatisfy(r -> assertThat(r.message()).startsWith("target did not recover: "));
    }
}
