package org.fwcts.harness.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.Executables;
import org.fwcts.targets.ProcessReaper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A reconnecting serial console (on a socat pseudo-terminal pair standing in for a USB UART)")
class ReconnectingConsoleTests {
    @TempDir
    Path dir;

    private Process pair(Path a, Path b) throws Exception {
        Process socat = ProcessReaper.track(new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.out").toFile()).start());
        // socat makes the links once both pseudo-terminals exist: a loaded machine may take seconds.
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!(Files.exists(a) && Files.exists(b)) && socat.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.exists(a) && Files.exists(b)).as("socat made " + a + " and " + b + ": "
                + Files.readString(dir.resolve("socat.out"))).isTrue();
        return socat;
    }

    private static String line(Console console) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c; (c = console.input().read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("end of stream after '" + text + "'");
            }
            text.append((char) c);
        }
        return text.toString();
    }

    private static void send(Console console, String text) throws IOException {
        console.output().write((text + "\n").getBytes(StandardCharsets.US_ASCII));
        console.output().flush();
    }

    @Test
    @DisplayName("reopens the device after it vanishes and comes back, and carries on reading and writing")
    void reopensAfterTheDeviceReturns() throws Exception {
        assumeTrue(Executables.find("socat").isPresent(), "needs socat");
        Path harnessSide = dir.resolve("uart");
        Path boardSide = dir.resolve("board");
        Process socat = pair(harnessSide, boardSide);
        ConsoleEndpoint.Serial endpoint = new ConsoleEndpoint.Serial("agent", harnessSide.toString(), 115200);
        try (Console console = Consoles.open(endpoint, Duration.ofSeconds(5), Duration.ofSeconds(10));
                Console board = Consoles.open(new ConsoleEndpoint.Serial("board", boardSide.toString(), 115200), Duration.ofSeconds(5))) {
            send(board, "before");
            assertThat(line(console)).isEqualTo("before");
            ProcessReaper.stop(socat);
            board.close();
            Thread.sleep(500);
            socat = pair(harnessSide, boardSide);
            try (Console replugged = Consoles.open(new ConsoleEndpoint.Serial("board", boardSide.toString(), 115200),
                    Duration.ofSeconds(5))) {
                send(replugged, "after");
                assertThat(line(console)).endsWith("after");
                assertThat(((ReconnectingConsole) console).reconnections()).isEqualTo(1);
                send(console, "reply");
                assertThat(line(replugged)).endsWith("reply");
            }
        } finally {
            ProcessReaper.stop(socat);
        }
    }
}
