package org.fwcts.harness.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agents of Xen's dom0less guests on Xen's one UART ({@link XenConsoleFraming} says how the
 * output is taken apart). Each guest is tagged {@code DOMn} by its domain ID. Input reaches only
 * the guest with input focus, so a line for another guest first moves the focus with CTRL-a
 * three times (Xen cycles Xen, DOM1, DOM2, … and announces each step), then goes out paced:
 * to an agent whose banner promises {@code ack16}, 16 bytes at a time, each after the agent's
 * {@code ~} for the previous 16 (pacing in the guest's own time: bytes a stalled QEMU lets pile up
 * in its input pipe can no longer arrive as one burst into Xen's 32-byte buffer); to any other,
 * by the clock ({@link InputPacing}). Xen's own lines go to the transcript under {@code xen} and are kept for
 * {@link #hypervisorLines()}.
 */
public final class XenConsoleDemultiplexer implements ConsoleDemultiplexer {
    /** The transcript's name for Xen's own lines. */
    public static final String HYPERVISOR = "xen";
    /** CTRL-a, Xen's default console switch character ({@code conswitch=a}). */
    private static final byte SWITCH = 0x01;
    private static final int PHYSICAL_LINE_MAX = 64 * 1024;
    private static final int KEPT_LINES = 10_000;
    private static final int BANNER_SCAN = 1024;
    private static final String BANNER = "!fwcts-agent ";
    /** How long Xen's notice of dropped input takes to come back, at most, on a loaded host. */
    private static final Duration DROP_NOTICE = Duration.ofMillis(20);
    private static final int LINE_END_TRIES = 3;
    /** The agent's {@code ack16}: one {@link #ACK} per this many bytes of a line. */
    static final int ACK_EVERY = 16;
    static final byte ACK = '~';
    /** How long an acknowledgement may take on a loaded host before the writer falls back to the clock. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(2);
    private static final java.util.regex.Pattern ACKING = java.util.regex.Pattern.compile("caps=\\S*\\back16\\b");

    private final Console shared;
    private final Transcript transcript;
    private final InputPacing pacing;
    private final Duration focusTimeout;
    private final int maxSwitches;
    private final XenConsoleFraming framing = new XenConsoleFraming(new Router());
    private final XenStops stops = new XenStops();
    private final Map<Integer, GuestConsole> guests = new ConcurrentHashMap<>();
    private final Map<Integer, StringBuilder> currentLines = new ConcurrentHashMap<>();
    private final Map<String, LineChannel> channels = new ConcurrentHashMap<>();
    private final Set<String> agents = ConcurrentHashMap.newKeySet();
    private final List<String> hypervisorLines = new ArrayList<>();
    private final Map<Integer, AtomicLong> dropped = new ConcurrentHashMap<>();
    private final Set<Integer> acking = ConcurrentHashMap.newKeySet();
    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong ackTimeouts = new AtomicLong();
    private volatile boolean clockOnly;
    private final Object ackArrived = new Object();
    private final Object focusChange = new Object();
    private final Object writing = new Object();
    private final Thread reader;
    private volatile boolean closed;
    private volatile int focus;

    /**
     * Demultiplexes {@code shared}, Xen's console.
     *
     * @param maxDomains the highest domain ID that can have focus; bounds the CTRL-a presses per switch
     */
    public XenConsoleDemultiplexer(Console shared, Transcript transcript, InputPacing pacing, Duration focusTimeout,
            int maxDomains) {
        this.shared = shared;
        this.transcript = transcript;
        this.pacing = pacing;
        this.focusTimeout = focusTimeout;
        // A lost announcement costs a second round of the rotation (Xen, DOM1, ..., DOMmax).
        this.maxSwitches = 2 * (maxDomains + 1) + 1;
        this.reader = new Thread(this::readLines, "xen-console-" + shared.name());
        reader.setDaemon(true);
        reader.start();
    }

    /** The tag of domain {@code domain}'s agent. */
    public static String tag(int domain) {
        return "DOM" + domain;
    }

    @Override
    public Set<String> agents() {
        return Set.copyOf(agents);
    }

    @Override
    public LineChannel channel(String agent) {
        int domain = domainOf(agent);
        return channels.computeIfAbsent(agent, tag -> new LineChannel(guest(domain), transcript));
    }

    /**
     * The console of the agent tagged {@code agent}, for a caller that puts something between it
     * and its {@link LineChannel} (a fault-injecting console in self-tests); {@link #channel} is
     * the plain way.
     */
    public Console guestConsole(String agent) {
        return guest(domainOf(agent));
    }

    /** Xen's own lines so far (the first {@value #KEPT_LINES}), without the {@code (XEN) } prefix. */
    public List<String> hypervisorLines() {
        synchronized (hypervisorLines) {
            return List.copyOf(hypervisorLines);
        }
    }

    /**
     * Why the calls of domain {@code domain}'s agent will never be answered, once Xen has said so:
     * it panicked, or it crashed that domain.
     */
    public Optional<String> stopOf(int domain) {
        return stops.of(domain);
    }

    /** How often Xen said it dropped input meant for {@code domain}. */
    public long inputDropped(int domain) {
        AtomicLong count = dropped.get(domain);
        return count == null ? 0 : count.get();
    }

    /** How often an acknowledging agent's {@code ~} did not come in time, so that a chunk went by the clock. */
    public long ackTimeouts() {
        return ackTimeouts.get();
    }

    /**
     * Paces every guest's input by the clock alone, acknowledgements or not: for measurements that
     * compare the two ways.
     */
    public void paceByClockOnly(boolean on) {
        clockOnly = on;
    }

    /** Whether domain {@code domain}'s agent acknowledges its input ({@code ack16} in its banner). */
    public boolean acknowledges(int domain) {
        return acking.contains(domain);
    }

    /** The domain that has input focus, as Xen last announced (0: Xen). */
    public int focus() {
        return focus;
    }

    @Override
    public void close() {
        closed = true;
        shared.close();
        reader.interrupt();
        guests.values().forEach(GuestConsole::end);
    }

    private static int domainOf(String agent) {
        if (!agent.matches("DOM[1-9][0-9]{0,4}")) {
            throw new IllegalArgumentException("not a Xen guest's tag: '" + agent + "' (expected DOMn, n from 1)");
        }
        return Integer.parseInt(agent.substring(3));
    }

    private GuestConsole guest(int domain) {
        return guests.computeIfAbsent(domain, d -> new GuestConsole(tag(d), bytes -> send(d, bytes)));
    }

    private void send(int domain, byte[] bytes) throws IOException {
        synchronized (writing) {
            moveFocusTo(domain);
            long dropsBefore = inputDropped(domain);
            OutputStream out = shared.output();
            if (acking.contains(domain) && !clockOnly) {
                sendAcknowledged(bytes, out);
            } else {
                for (int at = 0; at < bytes.length; at += pacing.chunkBytes()) {
                    out.write(bytes, at, Math.min(pacing.chunkBytes(), bytes.length - at));
                    out.flush();
                    pause(pacing.gap());
                }
            }
            endCutLine(domain, dropsBefore, out);
        }
    }

    /**
     * Sends 16 bytes, waits for the agent's {@code ~}, and so on: a chunk holding a line end gets
     * none (the count starts again there). A {@code ~} that does not come in time (a byte lost on
     * the way) lets the rest go by the clock: the line's CRC then decides.
     */
    private void sendAcknowledged(byte[] bytes, OutputStream out) throws IOException {
        for (int at = 0; at < bytes.length; at += ACK_EVERY) {
            int length = Math.min(ACK_EVERY, bytes.length - at);
            long before = acks.get();
            out.write(bytes, at, length);
            out.flush();
            if (length == ACK_EVERY && !endsLine(bytes, at, length) && !awaitAck(before)) {
                ackTimeouts.incrementAndGet();
                pause(pacing.gap());
            }
        }
    }

    private static boolean endsLine(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    private boolean awaitAck(long before) throws IOException {
        long deadline = System.nanoTime() + ACK_WAIT.toNanos();
        synchronized (ackArrived) {
            while (acks.get() == before && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    ackArrived.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the agent to take its input", e);
                }
            }
        }
        return acks.get() != before;
    }

    /**
     * Xen dropped part of the line (its line end too, perhaps): the agent would wait for the end
     * until the harness gives up on the request. A bare line end makes it answer {@code err}
     * at once, so the request goes again; an agent ignores an empty line.
     */
    private void endCutLine(int domain, long dropsBefore, OutputStream out) throws IOException {
        pause(DROP_NOTICE);
        for (int tries = 0; tries < LINE_END_TRIES && inputDropped(domain) > dropsBefore; tries++) {
            dropsBefore = inputDropped(domain);
            pause(pacing.gap().multipliedBy(4));
            out.write('\n');
            out.flush();
            pause(DROP_NOTICE);
        }
    }

    private void moveFocusTo(int domain) throws IOException {
        for (int presses = 0; focus != domain; presses++) {
            if (presses == maxSwitches) {
                throw new IOException("Xen did not move console input to DOM" + domain + " after " + presses
                        + " presses of CTRL-a three times (input is at " + (focus == 0 ? "Xen" : "DOM" + focus) + ")");
            }
            int before = focus;
            synchronized (focusChange) {
                shared.output().write(new byte[] {SWITCH, SWITCH, SWITCH});
                shared.output().flush();
                long deadline = System.nanoTime() + focusTimeout.toNanos();
                while (focus == before && !closed && System.nanoTime() < deadline) {
                    try {
                        focusChange.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while moving Xen's console input", e);
                    }
                }
            }
        }
    }

    private static void pause(Duration gap) throws IOException {
        if (gap.isZero()) {
            return;
        }
        try {
            Thread.sleep(gap.toMillis(), gap.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pacing input", e);
        }
    }

    private void readLines() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = shared.input();
            for (int count; (count = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < count; i++) {
                    if (buffer[i] == ACK) {
                        // Only an acknowledging agent writes '~', and only while it reads a line.
                        acknowledged();
                    } else if (buffer[i] == '\n') {
                        String physical = line.toString(StandardCharsets.ISO_8859_1);
                        stops.line(physical);
                        framing.line(physical);
                        line.reset();
                    } else if (line.size() < PHYSICAL_LINE_MAX) {
                        line.write(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                keep("[the Xen console failed: " + e.getMessage() + "]");
            }
        } finally {
            if (line.size() > 0) {
                framing.line(line.toString(StandardCharsets.ISO_8859_1));
            }
            guests.values().forEach(GuestConsole::end);
            synchronized (focusChange) {
                closed = true;
                focusChange.notifyAll();
            }
        }
    }

    private void acknowledged() {
        synchronized (ackArrived) {
            acks.incrementAndGet();
            ackArrived.notifyAll();
        }
    }

    private void keep(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        transcript.record(HYPERVISOR, Transcript.Direction.RX, bytes, bytes.length);
        transcript.flush();
        synchronized (hypervisorLines) {
            if (hypervisorLines.size() < KEPT_LINES) {
                hypervisorLines.add(line);
            }
        }
    }

    /** Where the framing's findings go. */
    private final class Router implements XenConsoleFraming.Sink {
        @Override
        public void guest(int domain, String text, boolean lineEnd) {
            guest(domain).feed((lineEnd ? text + "\n" : text).getBytes(StandardCharsets.ISO_8859_1));
            StringBuilder current = currentLines.computeIfAbsent(domain, d -> new StringBuilder());
            if (current.length() < BANNER_SCAN) {
                current.append(text);
            }
            if (lineEnd) {
                if (current.indexOf(BANNER) >= 0) {
                    agents.add(tag(domain));
                    if (ACKING.matcher(current).find()) {
                        acking.add(domain);
                    }
                }
                current.setLength(0);
            }
        }

        private GuestConsole guest(int domain) {
            return XenConsoleDemultiplexer.this.guest(domain);
        }

        @Override
        public void hypervisor(String line) {
            keep(line);
        }

        @Override
        public void focus(int domain) {
            synchronized (focusChange) {
                focus = domain;
                focusChange.notifyAll();
            }
        }

        @Override
        public void inputDropped(int domain) {
            dropped.computeIfAbsent(domain, d -> new AtomicLong()).incrementAndGet();
        }
    }
}
