package org.fwcts.harness.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.fwcts.harness.console.Transcript;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A target's firmware consoles")
class FirmwareConsolesTests {

    @Test
    @DisplayName("are read into the console log, and their crash reports reach the sessions begun before them")
    void crashesReachLaterWatches() throws Exception {
        TargetDescriptor descriptor = simulatedTfa();
        PipedOutputStream uart = new PipedOutputStream();
        Transcript transcript = Transcript.inMemory();
        try (FirmwareConsoles consoles = FirmwareConsoles.open(descriptor, target(new PipedInputStream(uart, 4096)),
                transcript)) {
            Supplier<Optional<String>> firstBoot = consoles.crashesFromNow();
            write(uart, "NOTICE:  BL31: v2.15.0\r\n");
            awaitLog(transcript, "BL31: v2.15.0");
            assertThat(firstBoot.get()).isEmpty();
            write(uart, "PANIC at PC : 0x000000000e0976c0\r\n");
            assertThat(awaitCrash(firstBoot))
                    .contains("the firmware crashed, reporting 'PANIC at PC : 0x000000000e0976c0' on console 'firmware'");
            // A watch begun after the crash (the next boot's session) does not see it.
            assertThat(consoles.crashesFromNow().get()).isEmpty();
            assertThat(transcript.tail(5)).contains("firmware RX PANIC at PC");
        }
    }

    @Test
    @DisplayName("take the lines of a console the target reads itself (an FVP's drained terminal) the same way")
    void consolesTheTargetReadsItself() {
        Transcript transcript = Transcript.inMemory();
        ConsolesOnlyTarget fvp = new ConsolesOnlyTarget(List.of(new ConsoleEndpoint.ProcessStdio("agent",
                java.io.InputStream.nullInputStream(), OutputStream.nullOutputStream())));
        try (FirmwareConsoles consoles = FirmwareConsoles.open(simulatedTfa(), fvp, transcript)) {
            Supplier<Optional<String>> watch = consoles.crashesFromNow();
            fvp.hand("runtime", "NOTICE:  BL31: v2.15.0");
            assertThat(watch.get()).isEmpty();
            fvp.hand("runtime", "Unhandled Exception in EL3.");
            assertThat(watch.get()).contains("the firmware crashed, reporting 'Unhandled Exception in EL3.' on console 'runtime'");
        }
        assertThat(transcript.tail(5)).contains("runtime RX NOTICE:  BL31: v2.15.0", "runtime RX Unhandled Exception in EL3.");
    }

    @TempDir
    Path dir;

    @Test
    @DisplayName("that cannot be opened stop the boot with the console named, leaving none open")
    void unopenable() throws Exception {
        // Opening retries until the boot time-out: one second of it here.
        Path file = dir.resolve("simulated-tfa.yaml");
        Files.writeString(file, Files.readString(ProjectLayout.discover().targetsDir().resolve("simulated-tfa.yaml"))
                .replace("bootSeconds: 10", "bootSeconds: 1"));
        TargetDescriptor descriptor = DescriptorLoader.load(file);
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RunningTarget target = target(new ConsoleEndpoint.Network("firmware", "127.0.0.1", closedPort, false));
        assertThatThrownBy(() -> FirmwareConsoles.open(descriptor, target, Transcript.inMemory()))
                .isInstanceOf(TargetException.class).hasMessageContaining("simulated-tfa.yaml")
                .hasMessageContaining("cannot open console 'firmware' at 127.0.0.1:" + closedPort);
    }

    private static TargetDescriptor simulatedTfa() {
        return DescriptorLoader.load(ProjectLayout.discover().targetsDir().resolve("simulated-tfa.yaml"));
    }

    private static RunningTarget target(PipedInputStream firmwareUart) {
        return target(new ConsoleEndpoint.ProcessStdio("firmware", firmwareUart, OutputStream.nullOutputStream()));
    }

    /** A target whose agent console is never read here, and whose second console is {@code firmware}. */
    private static RunningTarget target(ConsoleEndpoint firmware) {
        return new ConsolesOnlyTarget(List.of(new ConsoleEndpoint.ProcessStdio("agent", java.io.InputStream.nullInputStream(),
                OutputStream.nullOutputStream()), firmware));
    }

    private static void write(PipedOutputStream uart, String text) throws java.io.IOException {
        uart.write(text.getBytes(StandardCharsets.ISO_8859_1));
        uart.flush();
    }

    private static void awaitLog(Transcript transcript, String text) throws InterruptedException {
        for (int i = 0; i < 100 && !transcript.tail(5).contains(text); i++) {
            Thread.sleep(20);
        }
    }

    private static Optional<String> awaitCrash(Supplier<Optional<String>> watch) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (watch.get().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return watch.get();
    }

}
