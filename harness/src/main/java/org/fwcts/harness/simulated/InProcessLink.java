package org.fwcts.harness.simulated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.fwcts.harness.console.ImmediateInput;

/**
 * The simulated machine's console: each line the host writes reaches the agent in the host's own
 * thread, and the agent's answer waits in a buffer, which a line channel takes at once (the input
 * is an {@link ImmediateInput}) or a reader reads like any console's. No thread of its own: a
 * round trip costs no hand-over between threads.
 */
final class InProcessLink {
    private final SimulatedAgent agent;
    private final ByteArrayOutputStream fromAgent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private final Input input = new Input();
    private final Output output = new Output();
    private boolean closed;

    InProcessLink(SimulatedAgent agent) {
        this.agent = agent;
        agent.bootLines().forEach(this::emit);
    }

    InputStream input() {
        return input;
    }

    OutputStream output() {
        return output;
    }

    synchronized boolean isOpen() {
        return !closed;
    }

    /** Powers the machine off: the console ends once the host has read what was written before. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    private synchronized void emit(String line) {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        fromAgent.write(bytes, 0, bytes.length);
        notifyAll();
    }

    /** The agent's marker bytes of {@code count} calls it started (PROTOCOL.md, {@code callmark}). */
    private synchronized void marks(int count) {
        for (int i = 0; i < count; i++) {
            fromAgent.write(org.fwcts.harness.console.LineChannel.CALL_MARK);
        }
        if (count > 0) {
            notifyAll();
        }
    }

    /** Takes {@code length} bytes from the host; each completed line goes to the agent, its answer to the buffer. */
    private void received(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int start = offset;
        while (start < end) {
            int newline = start;
            while (newline < end && bytes[newline] != '\n') {
                newline++;
            }
            String line;
            synchronized (this) {
                if (closed) {
                    throw new IOException("the simulated machine is off");
                }
                partialLine.write(bytes, start, newline - start);
                if (newline == end) {
                    return;
                }
                line = partialLine.toString(StandardCharsets.ISO_8859_1);
                partialLine.reset();
            }
            start = newline + 1;
            try {
                java.util.Optional<String> answer = agent.answer(line);
                marks(agent.takeCallMarks());
                answer.ifPresent(this::emit);
            } catch (RuntimeException e) {
                // The simulation broke: the machine stops, as a real one whose agent died would go silent.
                close();
                throw new IOException("the simulated agent stopped: " + e, e);
            }
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            received(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            received(bytes, offset, length);
        }

        @Override
        public void close() {
            InProcessLink.this.close();
        }
    }

    private final class Input extends InputStream implements ImmediateInput {
        private int read;

        @Override
        public byte[] take() {
            synchronized (InProcessLink.this) {
                byte[] all = fromAgent.toByteArray();
                byte[] left = read == 0 ? all : java.util.Arrays.copyOfRange(all, read, all.length);
                fromAgent.reset();
                read = 0;
                return left.length == 0 && closed ? null : left;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            synchronized (InProcessLink.this) {
                try {
                    while (fromAgent.size() == read && !closed) {
                        InProcessLink.this.wait();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the simulated console");
                }
                if (fromAgent.size() == read) {
                    return -1;
                }
                byte[] all = fromAgent.toByteArray();
                int count = Math.min(length, all.length - read);
                System.arraycopy(all, read, buffer, offset, count);
                read += count;
                if (read == all.length) {
                    fromAgent.reset();
                    read = 0;
                }
                return count;
            }
        }
    }
}
