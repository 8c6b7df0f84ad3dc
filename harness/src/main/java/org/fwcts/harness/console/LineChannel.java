package org.fwcts.harness.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Lines over a {@link Console}: a reader thread splits what arrives into lines, records every
 * byte in the transcript, and queues the lines; {@link #send} writes and records a line.
 */
public final class LineChannel implements AutoCloseable {
    private static final int MAX_LINE = 4096;
    private static final String CLOSED = new String("console closed");

    private final Console console;
    private final Transcript transcript;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean closed;
    private volatile boolean ended;

    public LineChannel(Console console, Transcript transcript) {
        this.console = console;
        this.transcript = transcript;
        this.reader = new Thread(this::readLines, "console-" + console.name());
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes {@code line} and a line end. */
    public void send(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.ISO_8859_1);
        transcript.record(console.name(), Transcript.Direction.TX, bytes, bytes.length - 1);
        console.output().write(bytes);
        console.output().flush();
    }

    /** The next line, waiting at most {@code timeout}; empty on timeout or once the console has ended. */
    public Optional<String> next(Duration timeout) throws InterruptedException {
        if (ended && lines.isEmpty()) {
            return Optional.empty();
        }
        String line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (line == CLOSED) {
            lines.offer(CLOSED);
            return Optional.empty();
        }
        return Optional.ofNullable(line);
    }

    /** True once the console reached its end (the target side closed it). */
    public boolean ended() {
        return ended;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** Records a harness note (not target output) in the transcript, marked with brackets. */
    public void note(String text) {
        byte[] bytes = ("[" + text + "]").getBytes(StandardCharsets.ISO_8859_1);
        transcript.record(console.name(), Transcript.Direction.RX, bytes, bytes.length);
    }

    /** How many times the console was reopened after vanishing; the agent must be greeted again after each. */
    public int reconnections() {
        return console instanceof ReconnectingConsole reconnecting ? reconnecting.reconnections() : 0;
    }

    public String consoleName() {
        return console.name();
    }

    private void readLines() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            InputStream in = console.input();
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n' || line.size() >= MAX_LINE) {
                    deliver(line);
                } else if (b != '\r') {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            if (!closed) {
                byte[] note = ("[console read failed: " + e.getMessage() + "]").getBytes(StandardCharsets.ISO_8859_1);
                transcript.record(console.name(), Transcript.Direction.RX, note, note.length);
            }
        } finally {
            if (line.size() > 0) {
                deliver(line);
            }
            ended = true;
            lines.offer(CLOSED);
        }
    }

    private void deliver(ByteArrayOutputStream line) {
        byte[] bytes = line.toByteArray();
        line.reset();
        transcript.record(console.name(), Transcript.Direction.RX, bytes, bytes.length);
        lines.offer(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() {
        closed = true;
        console.close();
        reader.interrupt();
    }
}
