package org.fwcts.harness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A console that outlives its connection: when a read ends or fails, or a write fails, while the
 * console is open (a USB UART re-enumerated, a console server restarted), it reopens the
 * connection and carries on. Bytes in flight during the gap are lost; the agent protocol's
 * retransmission recovers them, and {@link #reconnections()} tells the agent session to shake
 * hands again.
 */
final class ReconnectingConsole implements Console {

    /** Opens a fresh connection to the same console, waiting for it to come back. */
    @FunctionalInterface
    interface Opener {
        Console open() throws IOException;
    }

    private final String name;
    private final Opener opener;
    private final AtomicInteger reconnections = new AtomicInteger();
    private final InputStream in = new ReconnectingInput();
    private final OutputStream out = new ReconnectingOutput();
    private volatile Console current;
    private volatile boolean closed;

    ReconnectingConsole(String name, Opener opener, Console first) {
        this.name = name;
        this.opener = opener;
        this.current = first;
    }

    /** How many times the connection was reopened. */
    int reconnections() {
        return reconnections.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public void close() {
        closed = true;
        current.close();
    }

    /** Replaces {@code stale} by a new connection, unless another thread has done so already. */
    private synchronized void reopen(Console stale, IOException cause) throws IOException {
        if (current != stale) {
            return;
        }
        stale.close();
        if (closed) {
            throw new IOException("console '" + name + "' closed", cause);
        }
        current = opener.open();
        reconnections.incrementAndGet();
        if (closed) {
            current.close();
        }
    }

    private final class ReconnectingInput extends InputStream {
        @Override
        public int read() throws IOException {
            while (!closed) {
                Console console = current;
                IOException failure = null;
                try {
                    int b = console.input().read();
                    if (b >= 0) {
                        return b;
                    }
                } catch (IOException e) {
                    failure = e;
                }
                if (closed) {
                    break;
                }
                reopen(console, failure);
            }
            return -1;
        }
    }

    private final class ReconnectingOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (true) {
                Console console = current;
                try {
                    console.output().write(bytes, offset, length);
                    console.output().flush();
                    return;
                } catch (IOException e) {
                    if (closed) {
                        throw e;
                    }
                    reopen(console, e);
                }
            }
        }
    }
}
