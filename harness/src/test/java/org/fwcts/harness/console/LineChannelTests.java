package org.fwcts.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading a target's console into lines")
class LineChannelTests {

    /** A console that gives {@code input} and then ends. */
    private static Console console(InputStream input) {
        return new Console() {
            @Override
            public String name() {
                return "agent";
            }

            @Override
            public InputStream input() {
                return input;
            }

            @Override
            public OutputStream output() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public void close() {
            }
        };
    }

    /** {@code total} bytes of {@code pattern} repeated, made as they are read. */
    private static InputStream repeated(byte[] pattern, long total) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < total ? pattern[(int) (position++ % pattern.length)] & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= total) {
                    return -1;
                }
                int count = (int) Math.min(length, total - position);
                for (int i = 0; i < count; i++) {
                    buffer[offset + i] = pattern[(int) (position++ % pattern.length)];
                }
                return count;
            }
        };
    }

    private static String nextLine(LineChannel channel) throws InterruptedException {
        return channel.next(Duration.ofSeconds(5)).orElseThrow();
    }

    @Test
    @DisplayName("keeps the start and the end of a long line, drops and counts the middle, and hands the session its end")
    void cutsLongLines() throws Exception {
        String line = "head" + "x".repeat(10_000) + "<1 ok 0 #12345678";
        Transcript transcript = Transcript.inMemory();
        try (LineChannel channel = new LineChannel(console(new ByteArrayInputStream(
                ("short\n" + line + "\n").getBytes(StandardCharsets.ISO_8859_1))), transcript)) {
            assertThat(nextLine(channel)).isEqualTo("short");
            String end = nextLine(channel);
            assertThat(end).hasSize(LineChannel.MAX_LINE / 2).endsWith("<1 ok 0 #12345678");
            assertThat(transcript.since(0)).contains("RX head").contains("byte(s) dropped, then its last 2048");
            assertThat(channel.overrun()).isEmpty();
        }
    }

    @Test
    @DisplayName("counts call markers and drops the empty line a marker line leaves, keeping every other line")
    void takesOutCallMarkers() throws Exception {
        Transcript transcript = Transcript.inMemory();
        try (LineChannel channel = new LineChannel(console(new ByteArrayInputStream(
                "\u0005\n<1 ok 0 #12345678\n\u0005<2 ok 0 #87654321\n\nend\n".getBytes(StandardCharsets.ISO_8859_1))),
                transcript)) {
            assertThat(nextLine(channel)).isEqualTo("<1 ok 0 #12345678");
            assertThat(nextLine(channel)).isEqualTo("<2 ok 0 #87654321");
            // An empty line of the target's own, with no marker in it, is still a line.
            assertThat(nextLine(channel)).isEmpty();
            assertThat(nextLine(channel)).isEqualTo("end");
            assertThat(channel.callMarks()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("declares an overrun at a line of more than a mebibyte without an end, and stops reading")
    void overrunsOnUnterminatedLine() throws Exception {
        try (LineChannel channel = new LineChannel(console(repeated(new byte[] {'A'}, 100L << 20)), Transcript.inMemory())) {
            while (!channel.ended()) {
                channel.next(Duration.ofMillis(100));
            }
            assertThat(channel.overrun()).get().asString().contains("a line of more than " + LineChannel.LINE_LIMIT + " bytes");
        }
    }

    @Test
    @DisplayName("declares a flood past the output limit of a boot, drops the oldest waiting lines, and keeps the log bounded")
    void overrunsOnFlood() throws Exception {
        Transcript transcript = Transcript.inMemory();
        byte[] noise = "noise \u001b[2J\n".getBytes(StandardCharsets.ISO_8859_1);
        try (LineChannel channel = new LineChannel(console(repeated(noise, LineChannel.OUTPUT_LIMIT + (1 << 20))), transcript)) {
            while (!channel.ended()) {
                Thread.sleep(50);
            }
            assertThat(channel.overrun()).get().asString().contains("flooded its console");
            assertThat(channel.droppedLines()).isPositive();
            assertThat(transcript.tail(3)).contains("no longer read");
            assertThat(transcript.since(0).length()).isLessThanOrEqualTo((1 << 20) + 200);
        }
    }

    @Test
    @DisplayName("over a console that answers in the sender's thread, a reply is there when the send returns, no reader thread")
    void immediateConsole() throws Exception {
        java.io.ByteArrayOutputStream answers = new java.io.ByteArrayOutputStream();
        answers.write("banner\r\n".getBytes(StandardCharsets.ISO_8859_1));
        class Immediate extends InputStream implements ImmediateInput {
            @Override
            public byte[] take() {
                byte[] bytes = answers.toByteArray();
                answers.reset();
                return bytes;
            }

            @Override
            public int read() {
                throw new AssertionError("an immediate console is never read by a thread");
            }
        }
        Console echo = new Console() {
            @Override
            public String name() {
                return "agent";
            }

            @Override
            public InputStream input() {
                return new Immediate();
            }

            @Override
            public OutputStream output() {
                return new OutputStream() {
                    @Override
                    public void write(int b) {
                        answers.write(b == '\n' ? '\r' : Character.toUpperCase(b));
                        if (b == '\n') {
                            answers.write('\n');
                        }
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        Transcript transcript = Transcript.inMemory();
        try (LineChannel channel = new LineChannel(echo, transcript)) {
            assertThat(channel.next(Duration.ZERO)).contains("banner");
            channel.send("ping");
            assertThat(channel.next(Duration.ZERO)).contains("PING");
            assertThat(transcript.since(0)).contains("TX ping").contains("RX PING");
        }
    }
}
