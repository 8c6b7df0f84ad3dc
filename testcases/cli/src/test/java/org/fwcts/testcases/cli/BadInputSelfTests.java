package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts run with bad input: one clear error, exit 2, nothing run and nothing written")
class BadInputSelfTests {
    @TempDir
    Path temp;

    private Path descriptor(String from, String to) throws IOException {
        String text = Files.readString(ProjectLayout.discover().targetsDir().resolve("qemu-virt.yaml")).replace(from, to);
        return Files.writeString(temp.resolve("bad.yaml"), text);
    }

    private void assertRejected(CliRun run, String... messageParts) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("fwcts: ").contains(messageParts);
        assertThat(run.out()).doesNotContain("PASSED").doesNotContain("FAILED");
        assertThat(temp.resolve("run")).doesNotExist();
    }

    private CliRun run(String target) {
        return CliRun.of("run", "--target", target, "--output", temp.resolve("run").toString());
    }

    @Test
    @DisplayName("an unknown target name")
    void unknownTarget() {
        assertRejected(run("no-such-target"), "unknown target 'no-such-target'", "known targets: ");
    }

    @Test
    @DisplayName("a descriptor missing a field names the file and the field")
    void missingField() throws IOException {
        Path file = descriptor("  cpu: cortex-a57\n", "");
        assertRejected(run(file.toString()), file + ": qemu.cpu: missing field");
    }

    @Test
    @DisplayName("a missing agent image")
    void missingAgentImage() throws IOException {
        Path file = descriptor("image: agent-virt", "image: agent-nonesuch");
        assertRejected(run(file.toString()), "no image named 'agent-nonesuch'");
    }

    @Test
    @DisplayName("a QEMU binary that is not installed")
    void missingQemu() throws IOException {
        Path file = descriptor("binary: qemu-system-aarch64", "binary: qemu-system-nonesuch");
        assertRejected(run(file.toString()), "qemu.binary: 'qemu-system-nonesuch' is not installed");
    }

    @Test
    @DisplayName("a console port already in use")
    void portInUse() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path file = descriptor("kind: stdio", "kind: tcp\n    port: " + occupied.getLocalPort());
            assertRejected(run(file.toString()), "consoles.agent.port: port " + occupied.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    @DisplayName("a test selection that matches nothing")
    void noSuchTest() {
        CliRun run = CliRun.of("run", "--test", "NoSuchTestAnywhere", "--output", temp.resolve("run").toString());
        assertRejected(run, "no conformance test matches");
    }

    @Test
    @DisplayName("a waiver file with a mistake names the file and the field")
    void badWaiverFile() throws IOException {
        Path waivers = Files.writeString(temp.resolve("waivers.yaml"),
                "waivers:\n  - rule: SMCCC.FID_W0\n    justification: emulator\n    expires: someday\n");
        CliRun run = CliRun.of("run", "--waivers", waivers.toString(), "--output", temp.resolve("run").toString());
        assertRejected(run, waivers + ": waivers[0].expires: 'someday' is not a date (yyyy-mm-dd)");
    }

    @Test
    @DisplayName("an existing run folder is not overwritten")
    void existingRunFolder() throws IOException {
        Path existing = Files.createDirectories(temp.resolve("existing"));
        Files.writeString(existing.resolve("keep.txt"), "keep");
        CliRun run = CliRun.of("run", "--output", existing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the run folder exists already");
        assertThat(existing.resolve("keep.txt")).hasContent("keep");
    }
}
