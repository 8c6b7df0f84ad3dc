package org.fwcts.harness.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One guest's share of a hypervisor's console: what the demultiplexer attributed to the guest
 * comes out of {@link #input()}; a line written to {@link #output()} is sent to the guest when it
 * is flushed, by whoever owns the shared console. Closing it ends this guest's stream only.
 */
final class GuestConsole implements Console {
    /** Sends one flushed write to the guest. */
    interface Sender {
        void send(byte[] bytes) throws IOException;
    }

    /** Bytes attributed to the guest and not yet read, at most; beyond it the oldest go. */
    private static final int BACKLOG = 1 << 20;

    private final String name;
    private final ByteQueue fromGuest;
    private final OutputStream output;

    GuestConsole(String name, Sender sender) {
        this.name = name;
        this.fromGuest = new ByteQueue(name, BACKLOG);
        this.output = new Output(sender);
    }

    /** Adds bytes the guest wrote. */
    void feed(byte[] bytes) {
        fromGuest.add(bytes);
    }

    /** The shared console ended: readers see the end once the backlog is read. */
    void end() {
        fromGuest.end();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        return fromGuest.input();
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        end();
    }

    /** Collects a line and hands it over whole on flush, so focus moves once per line. */
    private static final class Output extends OutputStream {
        private final Sender sender;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Output(Sender sender) {
            this.sender = sender;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            line.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            if (line.size() > 0) {
                byte[] bytes = line.toByteArray();
                line.reset();
                sender.send(bytes);
            }
        }
    }
}
