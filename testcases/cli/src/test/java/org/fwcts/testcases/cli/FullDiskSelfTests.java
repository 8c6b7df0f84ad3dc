package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.TestRecord;
import org.fwcts.reports.TestStatus;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts run on a disk that fills mid-run (a small tmpfs; boots real QEMU)")
class FullDiskSelfTests {
    private static final String DISK_SIZE = "8m";

    @TempDir
    Path temp;
    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(temp.resolve("disk"));
        int mounted = command("mount", "-t", "tmpfs", "-o", "size=" + DISK_SIZE, "tmpfs", disk.toString());
        Assumptions.assumeTrue(mounted == 0, "mounting a tmpfs needs root (CAP_SYS_ADMIN)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (command("umount", disk.toString()) != 0) {
            command("umount", "-l", disk.toString());
        }
    }

    @Test
    @DisplayName("ends with exit 2 and the reason, keeps every complete result in every output, and resumes once space is back")
    void fullDiskStopsCleanly() throws Exception {
        Path runDir = disk.resolve("run");
        Path journal = runDir.resolve(StoredRun.JOURNAL);
        Path out = temp.resolve("out.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process fwcts = new ProcessBuilder(List.of(java, "-Dfwcts.home=" + ProjectLayout.discover().root(),
                "-cp", System.getProperty("java.class.path"), FwctsCommand.class.getName(),
                "run", "--progress", "plain", "--output", runDir.toString()))
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        Path filler = disk.resolve("filler");
        int beforeFull;
        try {
            RunWatch.until(() -> RunWatch.failureRecorded(journal), fwcts::isAlive);
            assertThat(RunWatch.failureRecorded(journal)).as(RunWatch.printed(out)).isTrue();
            beforeFull = StoredRun.read(runDir).records().size();
            fill(filler);
            assertThat(fwcts.waitFor(RunWatch.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the run ends by itself").isTrue();
        } finally {
            fwcts.destroyForcibly();
        }
        String printed = Files.readString(out);
        assertThat(fwcts.exitValue()).as(printed).isEqualTo(2);
        assertThat(printed).contains("The run stopped: ").contains("No space left on device")
                .contains("--resume " + runDir);
        assertThat(printed).doesNotContain("Exception in thread");

        StoredRun stopped = StoredRun.read(runDir);
        assertThat(stopped.records()).hasSizeGreaterThanOrEqualTo(beforeFull)
                .anyMatch(r -> r.status() == TestStatus.FAILED)
                .noneMatch(r -> r.status() == TestStatus.BROKEN);
        assertThat(stopped.runError()).contains("No space left on device");
        RunOutputs.read(runDir).assertAgree();

        // A crash mid-append leaves a torn last line; it must not block compare or resume.
        Files.delete(filler);
        Files.writeString(journal, "{\"id\":\"[engine:junit-jupiter]/[cl", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(CliRun.of("compare", runDir.toString(), runDir.toString()).exitCode()).isZero();

        CliRun resumed = CliRun.of("run", "--resume", runDir.toString(), "--progress", "plain");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(1);
        List<String> ids = StoredRun.read(runDir).records().stream().map(TestRecord::id).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(stopped.records().size());
        assertThat(new ObjectMapper().readTree(runDir.resolve(StoredRun.SUMMARY).toFile()).has("runError")).isFalse();
        RunOutputs.read(runDir).assertAgree();
    }

    /** Writes {@code file} until the disk is full. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream stream = Files.newOutputStream(file)) {
            while (true) {
                stream.write(block);
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("No space left on device");
        }
    }

    private static int command(String... words) throws Exception {
        Process process = new ProcessBuilder(words).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
