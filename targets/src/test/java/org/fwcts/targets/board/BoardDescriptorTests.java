package org.fwcts.targets.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.SerialLine;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.ConsoleSpec;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A board descriptor")
class BoardDescriptorTests {
    private static final String HEAD = """
            name: b
            kind: board
            profile: tfa-bl31
            agent:
              image: agent-bl33
            """;
    private static final String SERIAL = """
            consoles:
              agent:
                kind: serial
                device: /dev/ttyUSB0
                baud: 921600
                parity: even
                flowControl: rtscts
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("b.yaml"), text);
    }

    @Test
    @DisplayName("shipped in targets/ loads: the PDUDaemon example, with power, reset and deployment composed from YAML")
    void shippedExampleLoads() {
        TargetDescriptor board = new TargetCatalog(ProjectLayout.discover().targetsDir()).find("board-example");
        BoardSettings settings = board.settings(BoardSettings.class);
        assertThat(settings.power()).get().isInstanceOf(PowerSettings.PduDaemon.class);
        assertThat(settings.reset()).get().isInstanceOf(ResetSettings.PowerCycle.class);
        assertThat(settings.deploy()).isEqualTo(new DeploySettings.Folder(Path.of("/srv/tftp/juno"), "bl33.bin"));
    }

    @Test
    @DisplayName("reads a serial console's framing and reconnects for 60 s by default")
    void readsSerialFraming() throws IOException {
        ConsoleSpec console = DescriptorLoader.load(write(HEAD + SERIAL)).agentConsole();
        assertThat(console.device()).contains("/dev/ttyUSB0");
        assertThat(console.line()).isEqualTo(new SerialLine(921600, SerialLine.Parity.EVEN, SerialLine.FlowControl.RTSCTS));
        assertThat(console.reconnect().toSeconds()).isEqualTo(60);
    }

    @Test
    @DisplayName("keeps a command's set ${VARIABLE}s for the shell to expand, so errors show the command as written")
    void commandKeepsVariables() throws IOException {
        TargetDescriptor board = DescriptorLoader.load(write(HEAD + SERIAL + """
                board:
                  power: {type: commands, on: "relay ${FWCTS_TEST_HOST} on", off: "relay ${FWCTS_TEST_HOST} off"}
                """));
        PowerSettings.Commands power = (PowerSettings.Commands) board.settings(BoardSettings.class).power().orElseThrow();
        assertThat(power.on().template()).isEqualTo("relay ${FWCTS_TEST_HOST} on");
    }

    @Test
    @DisplayName("names the credential's source, never its value")
    void credentialNamesItsSourceOnly() throws IOException {
        TargetDescriptor board = DescriptorLoader.load(write(HEAD + SERIAL + """
                board:
                  power: {type: pdudaemon, url: "http://pdu:16421", pdu: rack1, outlet: 3, credentials: {env: PATH}}
                """));
        PowerSettings power = board.settings(BoardSettings.class).power().orElseThrow();
        assertThat(power.toString()).doesNotContain(System.getenv("PATH"));
        assertThat(((PowerSettings.PduDaemon) power).credential().orElseThrow())
                .hasToString("environment variable PATH");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown power field      | power: {type: commands, on: x, off: y, of: z}                 | board.power.of: unknown field
            unknown power type       | power: {type: snmp}                                            | board.power.type: unknown power type 'snmp' (known: commands, pdudaemon)
            PDU without outlet       | power: {type: pdudaemon, url: "http://pdu:16421", pdu: r}     | board.power.outlet: missing field
            PDU with a bad URL       | power: {type: pdudaemon, url: "pdu:16421", pdu: r, outlet: 1} | board.power.url: expected http://host:port, got 'pdu:16421'
            PDU outlet out of range  | power: {type: pdudaemon, url: "http://p:1", pdu: r, outlet: -1} | board.power.outlet: must be between 0 and 1024, got -1
            two credential sources   | power: {type: pdudaemon, url: "http://p:1", pdu: r, outlet: 1, credentials: {env: A, file: /b}} | board.power.credentials.env: give exactly one of env
            power-cycle without power | reset: {type: power-cycle}                                   | board.reset.type: power-cycle reset needs board.power
            flasher without image    | deploy: {type: command, command: flash.sh}                     | board.deploy.command: must contain {image}
            bad boolean              | powerOffAtEnd: maybe                                           | board.powerOffAtEnd: expected true or false, got 'maybe'
            PDU URL with a password  | power: {type: pdudaemon, url: "http://admin:hunter2@p:1", pdu: r, outlet: 1} | board.power.url: must not carry a user or password ('http://…@p:1'): name them in board.power.credentials
            deploy name leaving its folder | deploy: {type: folder, folder: /srv, fileName: ../../etc/x}   | board.deploy.fileName: expected a plain file name
            deploy name with a folder | deploy: {type: folder, folder: /srv, fileName: boot/bl33.bin}   | board.deploy.fileName: expected a plain file name
            deploy name ..           | deploy: {type: folder, folder: /srv, fileName: ..}              | board.deploy.fileName: expected a plain file name
            unset variable in a command | power: {type: commands, on: "relay ${FWCTS_TEST_SURELY_UNSET} on", off: x} | board.power.on: environment variable FWCTS_TEST_SURELY_UNSET is not set
            """)
    @DisplayName("refuses a bad board section with one error naming the file and the field")
    void refusesBadBoardSection(String what, String board, String error) throws IOException {
        Path file = write(HEAD + SERIAL + "board:\n  " + board + "\n");
        assertThatThrownBy(() -> DescriptorLoader.load(file)).isInstanceOf(TargetException.class)
                .hasMessageStartingWith(file + ": " + error).message().doesNotContain("hunter2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            serial without device   | {kind: serial}                          | consoles.agent.device: missing field
            bad parity              | {kind: serial, device: /dev/x, parity: mark} | consoles.agent.parity: expected one of none, even, odd, got 'mark'
            bad baud                | {kind: serial, device: /dev/x, baud: fast}   | consoles.agent.baud: expected a whole number, got 'fast'
            telnet without port     | {kind: telnet, host: consoles.lab}      | consoles.agent.port: a board's network console needs its console server's port number
            bad port                | {kind: tcp, port: 0}                    | consoles.agent.port: must be between 1 and 65535, got 0
            stdio on a board        | {kind: stdio}                           | consoles.agent.kind: unknown console kind 'stdio' (known for a board: tcp, telnet, serial)
            device on telnet        | {kind: telnet, port: 7001, device: /dev/x} | consoles.agent.device: only a serial console takes device
            unset host variable     | {kind: telnet, port: 7001, host: "${FWCTS_TEST_SURELY_UNSET}"} | consoles.agent.host: environment variable FWCTS_TEST_SURELY_UNSET is not set
            """)
    @DisplayName("refuses a bad board console with one error naming the file and the field")
    void refusesBadConsole(String what, String console, String error) throws IOException {
        Path file = write(HEAD + "consoles:\n  agent: " + console + "\n");
        assertThatThrownBy(() -> DescriptorLoader.load(file)).isInstanceOf(TargetException.class)
                .hasMessageStartingWith(file + ": " + error);
    }

    @Test
    @DisplayName("refuses board settings on a QEMU target")
    void boardSectionOnlyForBoards() throws IOException {
        Path file = write("""
                name: t
                kind: qemu
                profile: qemu-builtin-psci
                qemu: {machine: virt, cpu: cortex-a57}
                agent: {image: agent-virt}
                consoles: {agent: {kind: stdio}}
                board: {powerOffAtEnd: false}
                """);
        assertThatThrownBy(() -> DescriptorLoader.load(file)).hasMessage(file + ": board: only a target of kind board takes this section");
    }
}
