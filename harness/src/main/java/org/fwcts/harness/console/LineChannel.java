package org.fwcts.harness.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lines over a {@link Console}: a reader thread splits what arrives into lines, records every
 * byte in the transcript, and queues the lines; {@link #send} writes and records a line.
 *
 * <p>The target is not trusted to behave, so everything here is bounded: reads are buffered;
 * a line longer than {@link #MAX_LINE} bytes is cut and the rest dropped and counted; the queue
 * holds {@link #QUEUE_LINES} lines and drops the oldest when the session falls behind (a reply
 * comes after the noise before it); and a target that sends more than {@link #OUTPUT_LIMIT}
 * bytes in one boot, or a line longer than {@link #LINE_LIMIT} bytes, has overrun its console:
 * the reader stops and {@link #overrun()} says why.
 */
public final class LineChannel implements AutoCloseable {
    /** Bytes of one line kept; protocol lines are at most 600 (PROTOCOL.md), firmware log lines rarely longer. */
    static final int MAX_LINE = 4096;
    /** Lines waiting for the session, at most. */
    static final int QUEUE_LINES = 4096;
    /** Bytes one line may run to before the target is declared to have overrun its console. */
    public static final long LINE_LIMIT = 1L << 20;
    /** Bytes one boot may send before the target is declared to flood its console. */
    public static final long OUTPUT_LIMIT = 64L << 20;
    private static final int READ_BUFFER = 16 * 1024;
    /**
     * The byte an agent with {@code callmark} writes just before each SMC or HVC it makes for the
     * host (PROTOCOL.md, "Events"): never part of a line, so it is counted and taken out.
     */
    public static final byte CALL_MARK = 0x05;
    private static final String CLOSED = new String("console closed");

    private final Console console;
    private final Transcript transcript;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(QUEUE_LINES);
    /** The reader thread; null over an {@link ImmediateInput}, which {@link #pump} reads instead. */
    private final Thread reader;
    private final ImmediateInput immediate;
    private final LineAssembler line = new LineAssembler();
    private volatile boolean closed;
    private volatile boolean ended;
    private volatile String overrun;
    private volatile String endReason = "the console closed";
    private final AtomicLong droppedLines = new AtomicLong();
    private final AtomicLong callMarks = new AtomicLong();
    /** A marker arrived since the last line end: an empty line after it is the marker's own (the VM agent's). */
    private boolean markInLine;
    private long received;

    public LineChannel(Console console, Transcript transcript) {
        this.console = console;
        this.transcript = transcript;
        this.immediate = console.input() instanceof ImmediateInput now ? now : null;
        if (immediate != null) {
            this.reader = null;
            pump();
            return;
        }
        this.reader = new Thread(this::readLines, "console-" + console.name());
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes {@code line} and a line end. */
    public void send(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.ISO_8859_1);
        transcript.record(console.name(), Transcript.Direction.TX, bytes, bytes.length - 1);
        if (immediate == null) {
            transcript.flush();
        }
        console.output().write(bytes);
        console.output().flush();
        if (immediate != null) {
            // The answer is already there; taking it flushes the transcript, the sent line with it.
            pump();
        }
    }

    /** Takes what an immediate console's target has written, in the sender's thread. */
    private synchronized void pump() {
        if (ended) {
            return;
        }
        byte[] bytes = immediate.take();
        if (bytes == null) {
            end();
            return;
        }
        if (bytes.length == 0) {
            transcript.flush();
            return;
        }
        consume(bytes, bytes.length);
        if (overrun != null) {
            end();
        }
    }

    /** The next line, waiting at most {@code timeout}; empty on timeout or once the console has ended. */
    public Optional<String> next(Duration timeout) throws InterruptedException {
        if (immediate != null) {
            pump();
        }
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

    /**
     * Why the target was cut off, once it sent more than this channel takes (a line without end,
     * a flood); the channel has then ended. Relaunching the same target would do it again.
     */
    public Optional<String> overrun() {
        return Optional.ofNullable(overrun);
    }

    /** Why the console ended (it closed, a read failed, the target overran it); meaningful once {@link #ended()}. */
    public String endReason() {
        return endReason;
    }

    /** Lines dropped because the session did not take them in time (the oldest went first). */
    public long droppedLines() {
        return droppedLines.get();
    }

    /** How many {@link #CALL_MARK}s arrived so far: calls the agent started for the host. */
    public long callMarks() {
        return callMarks.get();
    }

    /** True once the console reached its end (the target side closed it, or it overran). */
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
        transcript.flush();
    }

    /** How many times the console was reopened after vanishing; the agent must be greeted again after each. */
    public int reconnections() {
        return console instanceof ReconnectingConsole reconnecting ? reconnecting.reconnections() : 0;
    }

    public String consoleName() {
        return console.name();
    }

    private void readLines() {
        byte[] buffer = new byte[READ_BUFFER];
        try {
            InputStream in = console.input();
            for (int count; overrun == null && (count = in.read(buffer)) >= 0; ) {
                consume(buffer, count);
            }
        } catch (IOException e) {
            if (!closed) {
                endReason = "console read failed: " + e.getMessage();
                note(endReason);
            }
        } finally {
            end();
        }
    }

    /** Splits {@code count} bytes that arrived into lines, and watches the limits. */
    private void consume(byte[] buffer, int count) {
        LineAssembler line = this.line;
        received += count;
        for (int i = 0; i < count && overrun == null; i++) {
            int b = buffer[i];
            if (b == '\n') {
                if (!(markInLine && line.length() == 0)) {
                    deliver(line);
                }
                markInLine = false;
            } else if (b == CALL_MARK) {
                callMarks.incrementAndGet();
                markInLine = true;
            } else if (b != '\r') {
                line.add((byte) b);
                if (line.length() > LINE_LIMIT) {
                    overrun = "the target sent a line of more than " + LINE_LIMIT + " bytes without a line end";
                }
            }
        }
        if (received > OUTPUT_LIMIT && overrun == null) {
            overrun = "the target flooded its console: more than " + OUTPUT_LIMIT + " bytes in one boot";
        }
        transcript.flush();
    }

    /** The console's end: what was left of a line goes out, and the session learns why. */
    private void end() {
        if (line.length() > 0) {
            deliver(line);
        }
        if (overrun != null) {
            endReason = overrun;
            note(overrun + " (" + received + " bytes received); the console is no longer read");
        }
        ended = true;
        enqueue(CLOSED);
    }

    private void deliver(LineAssembler line) {
        byte[] head = line.head();
        byte[] tail = line.tail();
        long cut = line.length() - head.length - tail.length;
        line.reset();
        transcript.record(console.name(), Transcript.Direction.RX, head, head.length);
        if (tail.length > 0) {
            note("the line above goes on: " + cut + " byte(s) dropped, then its last " + tail.length + ":");
            transcript.record(console.name(), Transcript.Direction.RX, tail, tail.length);
        }
        // A frame ends its line (PROTOCOL.md), so the session gets the end of a long line.
        enqueue(new String(tail.length > 0 ? tail : head, StandardCharsets.ISO_8859_1));
    }

    private void enqueue(String text) {
        while (!lines.offer(text)) {
            // The session fell behind: the oldest line goes, the newest (perhaps the awaited reply) stays.
            if (lines.poll() != null) {
                droppedLines.incrementAndGet();
            }
        }
    }

    /**
     * The bytes of the line being read: the first {@link #MAX_LINE} bytes, and of a longer line
     * its first and last {@code MAX_LINE / 2}; the middle is only counted.
     */
    private static final class LineAssembler {
        private static final int HALF = MAX_LINE / 2;
        private final byte[] head = new byte[MAX_LINE];
        private final byte[] ring = new byte[HALF];
        private long length;

        void add(byte b) {
            if (length < MAX_LINE) {
                head[(int) length] = b;
            } else {
                if (length == MAX_LINE) {
                    // From here on the line is long: the second half of the head starts the tail.
                    System.arraycopy(head, HALF, ring, 0, HALF);
                }
                ring[(int) (length % HALF)] = b;
            }
            length++;
        }

        long length() {
            return length;
        }

        byte[] head() {
            return java.util.Arrays.copyOf(head, (int) Math.min(length, length > MAX_LINE ? HALF : MAX_LINE));
        }

        /** The last {@code HALF} bytes of a line longer than {@link #MAX_LINE}; empty for a shorter one. */
        byte[] tail() {
            if (length <= MAX_LINE) {
                return new byte[0];
            }
            byte[] tail = new byte[HALF];
            int start = (int) (length % HALF);
            System.arraycopy(ring, start, tail, 0, HALF - start);
            System.arraycopy(ring, 0, tail, HALF - start, start);
            return tail;
        }

        void reset() {
            length = 0;
        }
    }

    @Override
    public void close() {
        closed = true;
        console.close();
        if (reader != null) {
            reader.interrupt();
        }
    }
}
