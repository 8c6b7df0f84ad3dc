package org.fwcts.testcases.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.fwcts.harness.agent.ProtocolLine;

/**
 * A stand-in for a hostile target, not an agent: a loopback TCP server that speaks the agent
 * protocol well enough to pass the handshake (PROTOCOL.md) and then misbehaves as its
 * {@link Behaviour} says. Every line it sends carries a valid CRC, so only the harness's own
 * checks stand between its bytes and the reports.
 */
final class HostileAgent implements AutoCloseable {
    /** Sets the page title when it runs: a page whose title changed ran injected script. */
    static final String SCRIPT = "<script>document.title='pwned'</script>";
    static final String SVG = "<svg/onload=document.title='pwned'>";
    static final String IMG = "<img/src=x/onerror=document.title='pwned'>";
    /** Window title, clear screen, an OSC 8 hyperlink, NUL, DEL, a C1 CSI and bytes that are not UTF-8. */
    static final String ESCAPES = "\u001b]0;pwned\u0007\u001b[2J\u001b]8;;http://evil/\u001b\\link\u001b]8;;\u001b\\\0\u007f\u009b\u00ff\u00fe\u00c3";
    private static final String HOSTILE = SCRIPT + ESCAPES + SVG + "*bold*_[x](javascript:x)|`code`" + IMG;

    /** How the stand-in misbehaves once it has answered the handshake. */
    enum Behaviour {
        /** Markup and escapes in its banner, its error codes and a panic every few calls. */
        MARKUP,
        /** Replies to calls with CRC-valid fields that are not protocol numbers. */
        GARBAGE_FIELDS,
        /** Answers a call with a line of 100 MB that never ends. */
        UNTERMINATED_LINE,
        /** Floods its console from the moment it is connected, answering requests in between. */
        FLOOD,
        /** Answers every call with sequence numbers that were never sent. */
        WRONG_SEQUENCE,
        /** Serves one connection, then accepts and closes every connection at once. */
        RECONNECT_STORM
    }

    private static final long HUGE_LINE = 100L << 20;
    private static final int CALLS_BEFORE_PANIC = 3;
    private final Behaviour behaviour;
    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile long firstStormNanos;
    private volatile long lastStormNanos;
    private volatile boolean closed;

    HostileAgent(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "hostile-agent");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Connections per second while the storm lasted (after the first, served connection). */
    double stormConnectionsPerSecond() {
        long span = lastStormNanos - firstStormNanos;
        int storm = connections.get() - 1;
        return storm < 2 || span <= 0 ? storm : (storm - 1) / (span / 1e9);
    }

    /** Seconds from the first to the last connection of the storm. */
    double stormSeconds() {
        return (lastStormNanos - firstStormNanos) / 1e9;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                int number = connections.incrementAndGet();
                if (behaviour == Behaviour.RECONNECT_STORM && number > 1) {
                    lastStormNanos = System.nanoTime();
                    if (number == 2) {
                        firstStormNanos = lastStormNanos;
                    }
                    socket.close();
                    continue;
                }
                Thread serve = new Thread(() -> serve(socket), "hostile-agent-" + number);
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            if (behaviour == Behaviour.FLOOD) {
                Thread flood = new Thread(() -> flood(out), "hostile-flood");
                flood.setDaemon(true);
                flood.start();
            }
            send(out, event("fwcts-agent", banner()));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            int calls = 0;
            for (String line; (line = in.readLine()) != null; ) {
                Optional<ProtocolLine> request = ProtocolLine.decode(line.strip());
                if (request.isEmpty() || request.get().kind() != ProtocolLine.REQUEST) {
                    continue;
                }
                String seq = request.get().head();
                String verb = request.get().fields().get(0);
                if (verb.equals("hello")) {
                    send(out, reply(seq, prepend("ok", banner())));
                } else if (!answer(out, seq, ++calls)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The harness hung up (it gave up on this target): the stand-in's work is done.
        }
    }

    /** Answers the {@code calls}-th request after the handshake; false when the stand-in stops. */
    private boolean answer(OutputStream out, String seq, int calls) throws IOException {
        switch (behaviour) {
            case MARKUP -> {
                if (calls % CALLS_BEFORE_PANIC == 0) {
                    send(out, event("panic", List.of(HOSTILE, "0", "0")));
                    return false;
                }
                send(out, reply(seq, List.of("ok", "0")));
            }
            case GARBAGE_FIELDS -> send(out, reply(seq, List.of("ok", "0x1", "00ff", "1ffffffffffffffff", SVG)));
            case UNTERMINATED_LINE -> {
                byte[] chunk = (HOSTILE + "A".repeat(64 * 1024)).getBytes(StandardCharsets.ISO_8859_1);
                for (long sent = 0; sent < HUGE_LINE; sent += chunk.length) {
                    out.write(chunk);
                }
                return false;
            }
            case RECONNECT_STORM -> {
                if (calls > CALLS_BEFORE_PANIC) {
                    // Hangs up; from now on every connection is closed at once (see accept).
                    return false;
                }
                send(out, reply(seq, List.of("ok", "0")));
            }
            case WRONG_SEQUENCE -> send(out, reply(Long.toHexString(Long.parseLong(seq, 16) + 0x10000), List.of("ok", "0")));
            default -> send(out, reply(seq, List.of("ok", "0")));
        }
        return true;
    }

    private void flood(OutputStream out) {
        byte[] noise = ("noise " + HOSTILE + " " + "z".repeat(200) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] block = new byte[noise.length * 64];
        for (int i = 0; i < 64; i++) {
            System.arraycopy(noise, 0, block, i * noise.length, noise.length);
        }
        try {
            while (!closed) {
                synchronized (out) {
                    out.write(block);
                }
            }
        } catch (IOException e) {
            // The harness hung up.
        }
    }

    private List<String> banner() {
        String version = behaviour == Behaviour.MARKUP ? HOSTILE.replace(' ', '_') : "hostile-1";
        return List.of("proto=1", "el=2", "caps=smc,hvc,echo", "ver=" + version);
    }

    private static List<String> prepend(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    private static String reply(String seq, List<String> fields) {
        return new ProtocolLine(ProtocolLine.REPLY, seq, fields).encode();
    }

    private static String event(String kind, List<String> fields) {
        return new ProtocolLine(ProtocolLine.EVENT, kind, fields).encode();
    }

    private static void send(OutputStream out, String line) throws IOException {
        synchronized (out) {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        server.close();
        acceptor.join(5_000);
    }
}
