package org.fwcts.testcases.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A stand-in for a serial line behind a console server: a loopback TCP proxy that passes bytes
 * both ways no faster than a UART of the given baud rate (8N1: ten bit times per byte) carries
 * them, each direction on its own, as a full-duplex line does. Nagle is off on both of its
 * sockets, as on a console server set up as the README says.
 */
final class PacedSerialLink implements AutoCloseable {
    private static final int BITS_PER_BYTE = 10;

    private final ServerSocket server;
    private final int upstreamPort;
    private final long nanosPerByte;
    private final Thread acceptor;
    private volatile Socket client;
    private volatile Socket upstream;

    /** Listens on a free loopback port; the first connection is joined to {@code upstreamPort} on loopback. */
    PacedSerialLink(int upstreamPort, int baud) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.nanosPerByte = TimeUnit.SECONDS.toNanos(BITS_PER_BYTE) / baud;
        this.acceptor = new Thread(this::serve, "paced-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        try {
            client = server.accept();
            client.setTcpNoDelay(true);
            upstream = connect();
            upstream.setTcpNoDelay(true);
            Thread up = pace(client.getInputStream(), upstream.getOutputStream(), "paced-link-up");
            pace(upstream.getInputStream(), client.getOutputStream(), "paced-link-down");
            up.join();
        } catch (IOException | InterruptedException e) {
            // Closed: the test is over.
        }
    }

    /** Connects upstream once it listens: a QEMU started on a loaded machine may take many seconds to. */
    private Socket connect() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    /**
     * Copies {@code from} to {@code to} as a UART would send it: byte by byte, each leaving when
     * the line has carried it, its first bit starting when it arrived or when the line freed up,
     * whichever is later. A receiver thus sees the first bytes of a line while the rest are still
     * on the wire, as behind a real UART. The schedule is kept apart from the copier's wake-ups:
     * a thread that wakes late passes on every byte already due in one write, and delays no byte
     * after them (a real line does not lose the time its sender oversleeps).
     */
    private Thread pace(InputStream from, OutputStream to, String name) {
        BlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    line.add(new Chunk(System.nanoTime(), Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // One side closed.
            } finally {
                line.add(Chunk.END);
            }
        }, name + "-in");
        Thread writer = new Thread(() -> {
            long lineFreeAt = 0;
            try {
                for (Chunk chunk; (chunk = line.take()) != Chunk.END; ) {
                    byte[] bytes = chunk.bytes();
                    long start = Math.max(chunk.arrived(), lineFreeAt);
                    for (int sent = 0; sent < bytes.length; ) {
                        long firstDue = start + (sent + 1) * nanosPerByte;
                        for (long wait; (wait = firstDue - System.nanoTime()) > 0; ) {
                            LockSupport.parkNanos(wait);
                        }
                        long carried = (System.nanoTime() - start) / nanosPerByte;
                        int due = (int) Math.min(bytes.length, Math.max(carried, sent + 1));
                        to.write(bytes, sent, due - sent);
                        to.flush();
                        sent = due;
                    }
                    lineFreeAt = start + bytes.length * nanosPerByte;
                }
            } catch (IOException | InterruptedException e) {
                // One side closed, or the test is over.
            } finally {
                close();
            }
        }, name);
        for (Thread thread : new Thread[] {reader, writer}) {
            thread.setDaemon(true);
            thread.start();
        }
        return writer;
    }

    /** Bytes read from one side and when they arrived. */
    private record Chunk(long arrived, byte[] bytes) {
        static final Chunk END = new Chunk(0, new byte[0]);
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : new AutoCloseable[] {server, client, upstream}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // Already closed.
            }
        }
    }
}
