package org.fwcts.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.ImageManifest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The QEMU launcher (real qemu-system-aarch64)")
class QemuLauncherTests {
    private static final String TEMPLATE = """
            name: t
            kind: qemu
            profile: qemu-builtin-psci
            qemu:
              binary: BINARY
              machine: MACHINE
              cpu: cortex-a57
            agent:
              image: agent-virt
            consoles:
              agent:
                kind: KIND
                port: PORT
            FIRMWARE
            """;

    /** How long a wait for QEMU to start, listen or stop may take on a loaded machine; each ends once it has. */
    private static final long PATIENCE_SECONDS = 120;

    @TempDir
    Path dir;

    private final QemuLauncher launcher = new QemuLauncher(ImageManifest.load(ProjectLayout.discover().imageManifest()));

    private TargetDescriptor descriptor(String kind, String port, String binary, String machine, String firmware)
            throws IOException {
        String text = TEMPLATE.replace("BINARY", binary).replace("MACHINE", machine).replace("KIND", kind)
                .replace("PORT", port).replace("FIRMWARE", firmware);
        return DescriptorLoader.load(Files.writeString(dir.resolve("t.yaml"), text));
    }

    private TargetDescriptor descriptor(String kind, String port) throws IOException {
        return descriptor(kind, port, "qemu-system-aarch64", "virt,virtualization=on", "");
    }

    /** The QEMU child; it may still be setpriv for a moment, until setpriv execs QEMU in place. */
    private static ProcessHandle emulatorChild() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (true) {
            java.util.Optional<ProcessHandle> qemu = ProcessHandle.current().children()
                    .filter(p -> p.info().command().orElse("").contains("qemu")).findFirst();
            if (qemu.isPresent() || System.nanoTime() > deadline) {
                return qemu.orElseThrow();
            }
            Thread.sleep(10);
        }
    }

    @Test
    @DisplayName("starts QEMU with a stdio console and stops it on close")
    void startsAndStops() throws Exception {
        RunningTarget target = launcher.launch(descriptor("stdio", "auto"), dir);
        ProcessHandle qemu = emulatorChild();
        try {
            assertThat(target.isAlive()).isTrue();
            assertThat(target.consoles().get(0)).isInstanceOf(ConsoleEndpoint.ProcessStdio.class);
            assertThat(target.imageHashes()).containsKey("agent:agent-virt");
        } finally {
            target.close();
        }
        assertThat(target.isAlive()).isFalse();
        qemu.onExit().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(qemu.isAlive()).isFalse();
    }

    @Test
    @DisplayName("a TCP console listens on loopback only: no other address has the port")
    void tcpConsoleOnLoopbackOnly() throws Exception {
        try (RunningTarget target = launcher.launch(descriptor("tcp", "auto"), dir)) {
            ConsoleEndpoint.Network network = (ConsoleEndpoint.Network) target.consoles().get(0);
            String port = String.format(":%04X ", network.port());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            List<String> listening = listeners("/proc/net/tcp", port);
            while (listening.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                listening = listeners("/proc/net/tcp", port);
            }
            List<String> listening6 = listeners("/proc/net/tcp6", port);
            assertThat(listening).as("IPv4 listeners on the console port").isNotEmpty()
                    .allSatisfy(line -> assertThat(line.trim().split("\\s+")[1]).startsWith("0100007F:"));
            assertThat(listening6).as("IPv6 listeners on the console port").isEmpty();
        }
    }

    /** Lines of a /proc/net table for sockets in LISTEN state (0A) on {@code port}. */
    private static List<String> listeners(String table, String port) throws IOException {
        return Files.readAllLines(java.nio.file.Path.of(table)).stream()
                .filter(line -> line.contains(port) && line.trim().split("\\s+")[3].equals("0A")).toList();
    }

    @Test
    @DisplayName("reports the pseudo-terminal QEMU made for a pty console")
    void ptyConsole() throws Exception {
        try (RunningTarget target = launcher.launch(descriptor("pty", "auto"), dir)) {
            ConsoleEndpoint.Serial serial = (ConsoleEndpoint.Serial) target.consoles().get(0);
            assertThat(serial.device()).startsWith("/dev/pts/");
        }
    }

    @Test
    @DisplayName("refuses a console port already in use, naming the field, and starts nothing")
    void portInUse() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TargetDescriptor descriptor = descriptor("tcp", Integer.toString(occupied.getLocalPort()));
            long before = ProcessHandle.current().children().count();
            assertThatThrownBy(() -> launcher.launch(descriptor, dir)).isInstanceOf(TargetException.class)
                    .hasMessage(descriptor.file() + ": consoles.agent.port: port " + occupied.getLocalPort()
                            + " on 127.0.0.1 is already in use");
            assertThat(ProcessHandle.current().children().count()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("refuses a QEMU binary that is not installed, saying which package provides it")
    void missingBinary() throws IOException {
        TargetDescriptor descriptor = descriptor("stdio", "auto", "qemu-system-nonesuch", "virt", "");
        assertThatThrownBy(() -> launcher.launch(descriptor, dir))
                .hasMessage(descriptor.file() + ": qemu.binary: 'qemu-system-nonesuch' is not installed or not on PATH;"
                        + " install Debian's qemu-system-arm (apt-get install qemu-system-arm)");
    }

    @Test
    @DisplayName("refuses secure firmware on a machine without EL3")
    void firmwareNeedsSecure() throws IOException {
        Files.writeString(dir.resolve("rom.bin"), "rom");
        TargetDescriptor descriptor = descriptor("stdio", "auto", "qemu-system-aarch64", "virt,virtualization=on",
                "firmware:\n  bios: rom.bin");
        assertThatThrownBy(() -> launcher.launch(descriptor, dir))
                .hasMessageStartingWith(descriptor.file() + ": qemu.machine: secure firmware needs EL3");
    }
}
