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
 *
 * <p>A console that accepts every connection and closes it at once (a crashed console server
 * behind a port that still listens) must not be hammered: reopening after a connection that
 * delivered nothing waits longer each time, and after {@link #STORM_LIMIT} such connections in a
 * row the console counts as closed for good.
 */
final class ReconnectingConsole implements Console {

    /** Opens a fresh connection to the same console, waiting for it to come back. */
    @FunctionalInterface
    interface Opener {
        Console open() throws IOException;
    }

    /** Connections in a row that brought nothing before the console is given up. */
    static final int STORM_LIMIT = 8;
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final String name;
    private final Opener opener;
    private final AtomicInteger reconnections = new AtomicInteger();
    private final InputStream in = new ReconnectingInput();
    private final OutputStream out = new ReconnectingOutput();
    private volatile Console current;
    private volatile boolean closed;
    /** Whether the current connection has delivered a byte. */
    private volatile boolean delivered = true;
    private int barrenInARow;

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
        barrenInARow = delivered ? 0 : barrenInARow + 1;
        if (barrenInARow >= STORM_LIMIT) {
            closed = true;
            throw new IOException("console '" + name + "' gave nothing on " + barrenInARow
                    + " connections in a row (each closed at once); given up", cause);
        }
        if (barrenInARow > 0) {
            backOff(Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << (barrenInARow - 1)));
        }
        current = opener.open();
        delivered = false;
        reconnections.incrementAndGet();
        if (closed) {
            current.close();
        }
    }

    private void backOff(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reopening console '" + name + "'", e);
        }
    }

    private final class ReconnectingInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (!closed) {
                Console console = current;
                IOException failure = null;
                try {
                    int count = console.input().read(buffer, offset, length);
                    if (count > 0) {
                        delivered = true;
                        return count;
                    }
                    if (count == 0) {
                        return 0;
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
