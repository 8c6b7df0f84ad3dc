package org.fwcts.harness.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.fwcts.harness.console.Console;

/**
 * A {@link Console} that damages the lines passing through it as a {@link FaultSchedule} says:
 * lines from the target are dropped, corrupted, duplicated, delayed or interleaved with firmware
 * log noise; requests to the target are dropped or corrupted. It proves that the agent protocol
 * turns every such fault into a retransmission and never into a wrong verdict.
 *
 * <p>Faults work on whole lines, as a noisy UART or a console server losing a packet would;
 * a corrupted line has one byte changed, which CRC-32 always detects.
 */
public final class FaultInjectingConsole implements Console {
    private static final int DELAY_MILLIS_MAX = 200;
    private static final String[] NOISE = {
        "NOTICE:  BL31: injected firmware log line",
        "INFO:    SPM: injected noise <1 ok 0 #00000000",
        "\u0007\u001b[0m garbage \u00ff\u0000 bytes",
        "!panic-not-really",
    };

    private final Console inner;
    private final FaultSchedule schedule;
    private final InputStream input;
    private final OutputStream output;

    public FaultInjectingConsole(Console inner, FaultSchedule schedule) {
        this.inner = inner;
        this.schedule = schedule;
        this.input = new DamagedInput();
        this.output = new DamagedOutput();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        inner.close();
    }

    /** Changes one byte (never a line end) to another value. */
    private byte[] corrupt(byte[] line) {
        byte[] copy = line.clone();
        int content = copy.length - 1; // the last byte is the line feed
        if (content <= 0) {
            return copy;
        }
        int at = schedule.pick(content);
        byte replacement;
        do {
            replacement = (byte) (1 + schedule.pick(0x7E));
        } while (replacement == copy[at] || replacement == '\n' || replacement == '\r');
        copy[at] = replacement;
        return copy;
    }

    /** Lines from the target, read one at a time from the real console and damaged on the way. */
    private final class DamagedInput extends InputStream {
        private byte[] pending = new byte[0];
        private int next;

        @Override
        public int read() throws IOException {
            while (next >= pending.length) {
                byte[] line = readLine();
                if (line == null) {
                    return -1;
                }
                pending = damage(line);
                next = 0;
            }
            return pending[next++] & 0xFF;
        }

        /** What is left of the current line (at least a byte), not a full buffer. */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int first = read();
            if (first < 0) {
                return -1;
            }
            buffer[offset] = (byte) first;
            int rest = Math.min(length - 1, pending.length - next);
            System.arraycopy(pending, next, buffer, offset + 1, rest);
            next += rest;
            return rest + 1;
        }

        private byte[] readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = inner.input().read()) >= 0; ) {
                line.write(b);
                if (b == '\n') {
                    return line.toByteArray();
                }
            }
            return line.size() == 0 ? null : line.toByteArray();
        }

        private byte[] damage(byte[] line) throws IOException {
            Optional<FaultKind> fault = schedule.nextFromTarget();
            if (fault.isEmpty() || line[line.length - 1] != '\n') {
                return line;
            }
            return switch (fault.get()) {
                case DROP_REPLY -> new byte[0];
                case CORRUPT_REPLY -> corrupt(line);
                case DUPLICATE_REPLY -> concat(line, line);
                case DELAY_REPLY -> {
                    pause(1 + schedule.pick(DELAY_MILLIS_MAX));
                    yield line;
                }
                case NOISE -> concat((NOISE[schedule.pick(NOISE.length)] + "\r\n").getBytes(StandardCharsets.ISO_8859_1), line);
                default -> line;
            };
        }

        private void pause(int millis) throws IOException {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while delaying a line", e);
            }
        }

        private byte[] concat(byte[] a, byte[] b) {
            byte[] both = new byte[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }

    /** Requests to the target, collected up to their line end and then passed on, damaged or not. */
    private final class DamagedOutput extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                line.reset();
                Optional<FaultKind> fault = schedule.nextToTarget();
                if (fault.isEmpty()) {
                    inner.output().write(bytes);
                } else if (fault.get() == FaultKind.CORRUPT_REQUEST) {
                    inner.output().write(corrupt(bytes));
                }
                // DROP_REQUEST: the line is lost.
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            inner.output().flush();
        }
    }
}
