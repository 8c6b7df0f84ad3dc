package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts doctor")
class DoctorCommandSelfTests {
    @TempDir
    Path temp;

    @Test
    @DisplayName("runs the checks the target's kind contributes: QEMU's binary for a QEMU target")
    void qemuKindChecks() {
        CliRun run = CliRun.of("doctor", "--target", "qemu-virt");
        assertThat(run.out()).containsPattern("\\[ ok \\] QEMU +.*qemu-system-aarch64");
        assertThat(run.out()).doesNotContain("board console").doesNotContain("FVP model");
    }

    @Test
    @DisplayName("runs a board's console, power and deployment checks, switching and deploying nothing")
    void boardKindChecks() {
        CliRun run = CliRun.of("doctor", "--target", "board-example");
        assertThat(run.out()).contains("board console").contains("board power").contains("board deployment")
                .doesNotContain("] QEMU ");
    }

    @Test
    @DisplayName("shows the descriptor's warnings: a console bound beyond loopback")
    void showsWarnings() throws IOException {
        String text = Files.readString(ProjectLayout.discover().targetsDir().resolve("qemu-virt.yaml"))
                .replace("kind: stdio", "kind: tcp\n    host: 0.0.0.0");
        Path file = Files.writeString(temp.resolve("wide.yaml"), text);
        CliRun run = CliRun.of("doctor", "--target", file.toString());
        assertThat(run.out()).contains("warning: " + file + ": consoles.agent.host: 0.0.0.0 is not a loopback address");
    }
}
