package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.targets.Executables;
import org.fwcts.targets.Ports;
import org.fwcts.targets.ProcessReaper;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fwcts bench} over a network console that ends in a paced 115200-baud line, as a board's
 * UART behind a console server: QEMU virt running the agent on a TCP socket plays the board, a
 * pacing proxy plays the line and the console server. The figure is the call rate as a share of
 * what the line carries; with Nagle's algorithm on anywhere, each call waits for a delayed ACK
 * and the share falls to about a tenth.
 */
@DisplayName("fwcts bench over a paced 115200-baud link (boots real QEMU)")
class PacedLineRateSelfTests {
    private static final int BAUD = 115_200;
    private static final Pattern SHARE = Pattern.compile("= (\\d+) % of line rate");
    /** The goal is 80 %. The floor leaves room for a machine loaded by other builds and still catches Nagle (~10 %). */
    private static final int FLOOR_PERCENT = 30;

    @TempDir
    Path temp;

    @Test
    @DisplayName("carries calls at close to the line's rate (figure printed; goal >= 80 %)")
    void nearLineRate() throws Exception {
        assumeTrue(Executables.find("qemu-system-aarch64").isPresent(), "needs qemu-system-aarch64");
        ProjectLayout layout = ProjectLayout.discover();
        int qemuPort = Ports.free("127.0.0.1");
        Process qemu = ProcessReaper.track(new ProcessBuilder(ProcessReaper.diesWithHarness(List.of("qemu-system-aarch64",
                "-machine", "virt,virtualization=on,gic-version=3", "-cpu", "cortex-a57", "-m", "512M", "-nodefaults",
                "-display", "none", "-monitor", "none", "-no-reboot", "-chardev",
                "socket,id=uart0,host=127.0.0.1,port=" + qemuPort + ",server=on,wait=on,nodelay=on", "-serial", "chardev:uart0",
                "-kernel", layout.root().resolve("firmware-images/build/agent-virt.elf").toString())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        try (PacedSerialLink link = new PacedSerialLink(qemuPort, BAUD)) {
            Path descriptor = Files.writeString(temp.resolve("board-paced.yaml"), """
                    # A stand-in board: QEMU virt behind a paced 115200-baud line (see PacedLineRateSelfTests).
                    name: board-paced
                    kind: board
                    profile: qemu-builtin-psci
                    agent:
                      image: agent-virt
                    consoles:
                      agent:
                        kind: tcp
                        host: 127.0.0.1
                        port: %d
                        reconnectSeconds: 0
                    board:
                      deploy:
                        type: folder
                        folder: %s
                    timeouts:
                      bootSeconds: 30
                      commandSeconds: 5
                    """.formatted(link.port(), Files.createDirectories(temp.resolve("tftp"))));
            CliRun bench = CliRun.of("bench", "--target", descriptor.toString(), "--calls", "200", "--line-baud",
                    Integer.toString(BAUD));
            assertThat(bench.exitCode()).as(bench.err()).isZero();
            System.out.print(bench.out());
            Matcher share = SHARE.matcher(bench.out());
            assertThat(share.find()).as(bench.out()).isTrue();
            assertThat(Integer.parseInt(share.group(1))).as(bench.out()).isGreaterThanOrEqualTo(FLOOR_PERCENT);
        } finally {
            ProcessReaper.stop(qemu);
        }
    }
}
