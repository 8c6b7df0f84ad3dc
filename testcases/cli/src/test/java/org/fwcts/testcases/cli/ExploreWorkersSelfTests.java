package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fwcts explore --workers}: the sequences, the budget's end, the divergences found and
 * their shrinking do not depend on how many boots run at once; only a simulated target takes
 * more than one.
 */
@DisplayName("fwcts explore with several boots at once")
class ExploreWorkersSelfTests {
    @TempDir
    static Path temp;

    @Test
    @DisplayName("one worker and three find the same divergences from the same sequences and report the same summary")
    void sameFindingsWhateverTheWorkers() throws IOException {
        String shipped = Files.readString(ProjectLayout.discover().targetsDir().resolve("simulated-tfa.yaml"));
        Path deviating = Files.writeString(temp.resolve("explore-workers.yaml"), shipped
                .replace("name: simulated-tfa", "name: explore-workers")
                .replace("\nffa:", "\nsimulated:\n  deviations: [\"relinquish-not-held\"]\nffa:"));
        String one = summary(deviating, 1);
        String three = summary(deviating, 3);
        assertThat(one).contains("DIVERGENCE 1:").contains("shrunk to").contains("Rules covered");
        assertThat(three).isEqualTo(one);
        assertThat(temp.resolve("run-3").resolve("worker-2").resolve("calls.jsonl")).isNotEmptyFile();
        assertThat(temp.resolve("run-3").resolve("shrink").resolve("calls.jsonl")).isNotEmptyFile();
    }

    /** The run's explore.md with what varies from run to run blanked: times, rates, console stamps, the run folder. */
    private static String summary(Path descriptor, int workers) throws IOException {
        Path runDir = temp.resolve("run-" + workers);
        CliRun run = CliRun.of("explore", "-t", descriptor.toString(), "--seed", "1", "--calls", "1500", "--workers",
                String.valueOf(workers), "-o", runDir.toString(), "--progress", "plain");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        return Files.readString(runDir.resolve("explore.md"))
                .replace(runDir.toString(), "RUN")
                .replaceAll("\\d+\\.\\d+ s\\b", "T s")
                .replaceAll("[\\d,]+ calls/s exploring, [\\d,]+ per CPU-second", "R")
                // Console lines: a time stamp, the protocol's sequence numbers (each boot starts anywhere) and checksums.
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z", "TIME")
                .replaceAll("([<>])[0-9a-f]{1,8} ", "$1N ")
                .replaceAll("#[0-9a-f]{8}", "#CRC");
    }

    @Test
    @DisplayName("several workers on a target that is not simulated, or fewer than one, are one clear error")
    void workersNeedASimulatedTarget() throws IOException {
        Path firmware = Files.createDirectories(temp.resolve("tfa"));
        Files.write(firmware.resolve("bl1.bin"), new byte[0]);
        Files.write(firmware.resolve("fip.bin"), new byte[0]);
        String qemu = Files.readString(ProjectLayout.discover().targetsDir().resolve("qemu-tfa.yaml"))
                .replace("${FWCTS_TFA}", firmware.toString()).replace("name: qemu-tfa", "name: qemu-tfa-workers");
        Path descriptor = Files.writeString(temp.resolve("qemu-tfa-workers.yaml"), qemu);
        CliRun real = CliRun.of("explore", "-t", descriptor.toString(), "--workers", "2", "-o",
                temp.resolve("run-real").toString());
        assertThat(real.exitCode()).isEqualTo(2);
        assertThat(real.err()).contains("--workers: 2 workers need as many boots at once; target qemu-tfa-workers has one");
        assertThat(temp.resolve("run-real")).doesNotExist();

        CliRun none = CliRun.of("explore", "-t", "simulated-tfa", "--workers", "0", "-o", temp.resolve("run-none").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--workers: 0 is not a number of workers");
    }
}
