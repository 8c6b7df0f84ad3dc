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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        Path file = descriptor("binary: ${FWCTS_QEMU:-qemu-system-aarch64}", "binary: qemu-system-nonesuch");
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a name that is not a plain name | name: qemu-virt             | name: 'a b'                      | name: expected a name
            a duplicate key                 | cpu: cortex-a57             | cpu: cortex-a57NL  cpu: max       | qemu.cpu: duplicate key (line
            an alias                        | cpu: cortex-a57             | cpu: &c cortex-a57NL  cpus: *c    | YAML aliases (*c) are not supported
            a memory size QEMU refuses      | memory: 512M                | memory: lots                     | qemu.memory: expected a size such as 512M or 2G, got 'lots'
            an unset variable               | binary: ${FWCTS_QEMU:-qemu-system-aarch64} | binary: ${FWCTS_TEST_SURELY_UNSET}/qemu | qemu.binary: environment variable FWCTS_TEST_SURELY_UNSET is not set
            a control character             | cpus: 1                     | cpus: 1BEL                       | control character U+0007 is not allowed in YAML
            """)
    @DisplayName("a malformed descriptor names the file and the field or place")
    void malformedDescriptor(String what, String from, String to, String message) throws IOException {
        Path file = descriptor(from, to.replace("NL", "\n").replace("BEL", "\u0007"));
        assertRejected(run(file.toString()), file + ": ", message);
    }

    @Test
    @DisplayName("a name that would put the default run folder outside reports/")
    void nameLeavingReports() throws IOException {
        Path file = descriptor("name: qemu-virt", "name: x/../../../fwcts-escaped");
        CliRun run = CliRun.of("run", "--target", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("fwcts: " + file + ": name: expected a name");
        assertThat(ProjectLayout.discover().reportsDir().resolve("../../fwcts-escaped").normalize()).doesNotExist();
    }

    @Test
    @DisplayName("a folder given as the descriptor")
    void folderAsDescriptor() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("board.yaml"));
        assertRejected(run(folder.toString()), folder + ": is a folder; give a descriptor file");
    }

    @Test
    @DisplayName("a descriptor file of 10 MB is refused before it is parsed")
    void hugeDescriptor() throws IOException {
        Path file = descriptor("profile: qemu-builtin-psci", "profile: " + "x".repeat(10 * 1024 * 1024));
        assertRejected(run(file.toString()), file + ": " + Files.size(file) + " bytes; a descriptor may have at most");
    }

    @Test
    @DisplayName("a board whose console host names an unset variable: found before the board is deployed or powered")
    void boardWithUnsetVariable() throws IOException {
        Path deployed = Files.createDirectories(temp.resolve("tftp"));
        Path powered = temp.resolve("powered");
        Path file = Files.writeString(temp.resolve("board.yaml"), """
                name: b
                kind: board
                profile: tfa-bl31
                agent: {image: agent-bl33}
                consoles:
                  agent: {kind: telnet, host: "${FWCTS_TEST_SURELY_UNSET}", port: 7001}
                board:
                  power: {type: commands, on: "touch %1$s", off: "touch %1$s"}
                  deploy: {type: folder, folder: %2$s, fileName: bl33.bin}
                """.formatted(powered, deployed));
        assertRejected(run(file.toString()), file + ": consoles.agent.host: environment variable FWCTS_TEST_SURELY_UNSET is not set");
        assertThat(deployed).isEmptyDirectory();
        assertThat(powered).doesNotExist();
    }

    @Test
    @DisplayName("a board deploy file name with a folder part: nothing deployed or powered")
    void boardDeployOutsideItsFolder() throws IOException {
        Path deployed = Files.createDirectories(temp.resolve("tftp/inner"));
        Path powered = temp.resolve("powered");
        Path file = Files.writeString(temp.resolve("board.yaml"), """
                name: b
                kind: board
                profile: tfa-bl31
                agent: {image: agent-bl33}
                consoles:
                  agent: {kind: telnet, port: 7001}
                board:
                  power: {type: commands, on: "touch %1$s", off: "touch %1$s"}
                  deploy: {type: folder, folder: %2$s, fileName: ../bl33.bin}
                """.formatted(powered, deployed));
        assertRejected(run(file.toString()), file + ": board.deploy.fileName: expected a plain file name");
        assertThat(temp.resolve("tftp")).isDirectoryNotContaining("glob:**.bin");
        assertThat(powered).doesNotExist();
    }

    @Test
    @DisplayName("a test selection that matches nothing")
    void noSuchTest() {
        CliRun run = CliRun.of("run", "--test", "NoSuchTestAnywhere", "--output", temp.resolve("run").toString());
        assertRejected(run, "no conformance test matches");
    }

    @Test
    @DisplayName("a tag expression that does not parse")
    void badTagExpression() {
        CliRun run = CliRun.of("run", "--tag", "psci &", "--output", temp.resolve("run").toString());
        assertRejected(run, "psci &");
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
    @DisplayName("bench with a negative --calls is refused before anything boots, naming the option")
    void negativeBenchCalls() {
        CliRun run = CliRun.of("bench", "--calls", "-5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--calls: -5 is not a number of calls").contains("nothing was booted");
        assertThat(run.out()).doesNotContain("median");
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
