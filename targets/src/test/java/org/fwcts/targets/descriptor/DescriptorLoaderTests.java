package org.fwcts.targets.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.qemu.QemuSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A target descriptor")
class DescriptorLoaderTests {
    private static final String VALID = """
            name: t
            kind: qemu
            profile: qemu-builtin-psci
            qemu:
              machine: virt,virtualization=on
              cpu: cortex-a57
            agent:
              image: agent-virt
            consoles:
              agent:
                kind: tcp
                port: 5555
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("t.yaml"), text);
    }

    @Test
    @DisplayName("shipped in targets/ loads: qemu-virt, with the agent on a stdio console")
    void shippedDescriptorLoads() {
        TargetDescriptor descriptor = new TargetCatalog(ProjectLayout.discover().targetsDir()).find("qemu-virt");
        assertThat(descriptor.name()).isEqualTo("qemu-virt");
        assertThat(descriptor.agentConsole().kind()).isEqualTo(ConsoleSpec.Kind.STDIO);
        assertThat(descriptor.firmware()).isInstanceOf(FirmwareSpec.None.class);
    }

    @Test
    @DisplayName("shipped in targets/ loads: qemu-virt-tcp, with the agent on a loopback TCP console on a free port")
    void shippedTcpDescriptorLoads() {
        TargetCatalog catalog = new TargetCatalog(ProjectLayout.discover().targetsDir());
        TargetDescriptor descriptor = catalog.find("qemu-virt-tcp");
        assertThat(descriptor.agentConsole().kind()).isEqualTo(ConsoleSpec.Kind.TCP);
        assertThat(descriptor.agentConsole().host()).isEqualTo(ConsoleSpec.LOOPBACK);
        assertThat(descriptor.agentConsole().port()).isZero();
        assertThat(catalog.names()).contains("qemu-virt", "qemu-virt-tcp").noneMatch(name -> name.contains("waivers"));
    }

    @Test
    @DisplayName("fills defaults: QEMU binary, memory, one CPU, loopback host, 30 s boot and 5 s command time-outs")
    void fillsDefaults() throws IOException {
        TargetDescriptor descriptor = DescriptorLoader.load(write(VALID));
        assertThat(descriptor.settings(QemuSettings.class).binary()).isEqualTo("qemu-system-aarch64");
        assertThat(descriptor.settings(QemuSettings.class).cpus()).isEqualTo(1);
        assertThat(descriptor.agentConsole().host()).isEqualTo("127.0.0.1");
        assertThat(descriptor.agentConsole().port()).isEqualTo(5555);
        assertThat(descriptor.bootTimeout().toSeconds()).isEqualTo(30);
        assertThat(descriptor.commandTimeout().toSeconds()).isEqualTo(5);
    }

    @Test
    @DisplayName("missing a field: the error names the file and the dotted field")
    void missingField() throws IOException {
        Path file = write(VALID.replace("  machine: virt,virtualization=on\n", ""));
        assertThatThrownBy(() -> DescriptorLoader.load(file)).isInstanceOf(TargetException.class)
                .hasMessage(file + ": qemu.machine: missing field");
    }

    @Test
    @DisplayName("with an unknown key: the error names it and lists the known ones")
    void unknownKey() throws IOException {
        Path file = write(VALID.replace("  cpu: cortex-a57", "  cpu: cortex-a57\n  mashine: x"));
        assertThatThrownBy(() -> DescriptorLoader.load(file))
                .hasMessageStartingWith(file + ": qemu.mashine: unknown field (known here: binary, cpu, cpus, dataDir, extraArgs");
    }

    @Test
    @DisplayName("with a bad port or console kind: the error names the console's field")
    void badConsole() throws IOException {
        Path badPort = write(VALID.replace("port: 5555", "port: 70000"));
        assertThatThrownBy(() -> DescriptorLoader.load(badPort))
                .hasMessage(badPort + ": consoles.agent.port: must be between 1 and 65535, got 70000");
        Path badKind = write(VALID.replace("kind: tcp", "kind: usb"));
        assertThatThrownBy(() -> DescriptorLoader.load(badKind))
                .hasMessage(badKind + ": consoles.agent.kind: unknown console kind 'usb' (known: stdio, tcp, telnet, pty)");
    }

    @Test
    @DisplayName("naming firmware that does not exist: the error names the field and the path")
    void missingFirmwareFile() throws IOException {
        Path file = write(VALID + "firmware:\n  bl1: nowhere/bl1.bin\n  fip: nowhere/fip.bin\n");
        assertThatThrownBy(() -> DescriptorLoader.load(file))
                .hasMessage(file + ": firmware.bl1: no readable file at " + dir.resolve("nowhere/bl1.bin"));
    }

    @Test
    @DisplayName("with bios and bl1 both: one error says to choose")
    void biosAndBl1() throws IOException {
        Files.writeString(dir.resolve("rom.bin"), "x");
        Path file = write(VALID + "firmware:\n  bios: rom.bin\n  bl1: rom.bin\n");
        assertThatThrownBy(() -> DescriptorLoader.load(file)).hasMessage(file + ": firmware.bios: give either bios or bl1 + fip, not both");
    }

    @Test
    @DisplayName("that is not YAML: the error names the file")
    void notYaml() throws IOException {
        Path file = write("name: [unclosed\n");
        assertThatThrownBy(() -> DescriptorLoader.load(file)).hasMessageStartingWith(file + ": not valid YAML");
    }

    @Test
    @DisplayName("asked for by an unknown name: the error lists the targets there are")
    void unknownTarget() {
        TargetCatalog catalog = new TargetCatalog(ProjectLayout.discover().targetsDir());
        assertThatThrownBy(() -> catalog.find("qemu-virtt")).hasMessageContaining("unknown target 'qemu-virtt'")
                .hasMessageContaining("known targets: ").hasMessageContaining("qemu-virt");
    }
}
