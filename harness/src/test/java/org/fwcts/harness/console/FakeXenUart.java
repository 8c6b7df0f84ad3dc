package org.fwcts.harness.console;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.fwcts.harness.agent.ProtocolLine;

/**
 * A stand-in for Xen 4.22's console with dom0less guests, for self-tests without a Xen build: it
 * prints as {@code vpl011_write_data_xen} and printk do (the focused guest character by
 * character after {@code (XEN) }, other guests as {@code DOMn: } lines cut every 126 bytes),
 * switches input focus on CTRL-a three times, drops input beyond a guest's 32-byte buffer with
 * Xen's message, and prints its own log lines at random moments, in the middle of a guest's
 * line too. Each guest runs a small agent that answers {@code hello} and {@code smc} with a value
 * computed from its domain ID, so a reply routed to the wrong guest is visible.
 */
public final class FakeXenUart implements Console {
    static final String[] XEN_NOISE = {
        "Scrubbing Free RAM in background",
        "d1v0 vpl011: unhandled write r1 offset 0x000030",
        "<4>spurious message with a log level",
        "(d2) a guest's own message",
        "DOM9: a guest nobody asked for",
    };
    private static final int GUEST_INPUT = 32;
    private static final int CHUNK = 126;

    private final int guestCount;
    private final Random random;
    private final double noisePerLine;
    private final long drainNanosPerByte;
    private final ByteQueue toHarness = new ByteQueue("the fake Xen console", Integer.MAX_VALUE);
    private final List<Guest> guests = new ArrayList<>();
    private final OutputStream output = new ToXen();
    private boolean atLineStart = true;
    private boolean acknowledging;
    private int stallEvery;
    private long stallMillis;
    private int focus;
    private int switchPresses;
    private volatile boolean closed;

    public FakeXenUart(int guestCount, long seed, double noisePerLine, long drainNanosPerByte) {
        this(guestCount, seed, noisePerLine, drainNanosPerByte, true);
    }

    /** A Xen whose log says it uses the FF-A mediator ({@code mediator}) or says nothing of it. */
    public FakeXenUart(int guestCount, long seed, double noisePerLine, long drainNanosPerByte, boolean mediator) {
        this(guestCount, seed, noisePerLine, drainNanosPerByte,
                mediator ? List.of("Using TEE mediator for FF-A") : List.of());
    }

    /** A Xen whose log has {@code bootLines} after its version line; with no guests, one that stopped there. */
    public FakeXenUart(int guestCount, long seed, List<String> bootLines) {
        this(guestCount, seed, 0.0, 0, bootLines);
    }

    private FakeXenUart(int guestCount, long seed, double noisePerLine, long drainNanosPerByte, List<String> bootLines) {
        this.guestCount = guestCount;
        this.random = new Random(seed);
        this.noisePerLine = noisePerLine;
        this.drainNanosPerByte = drainNanosPerByte;
        printk("Xen version 4.22.0 (fake)\n");
        bootLines.forEach(line -> printk(line + "\n"));
        for (int domain = 1; domain <= guestCount; domain++) {
            guests.add(new Guest(domain));
        }
        switchFocus();
        guests.forEach(Guest::start);
    }

    /**
     * Makes every guest's agent promise {@code ack16} and keep it ({@code acknowledging}), and stop
     * taking input for {@code stallMillis} after every {@code stallEvery} bytes, as a guest does while
     * QEMU is not scheduled on a loaded host (0: never). Call before the first request.
     */
    public FakeXenUart guestsAcknowledging(boolean acknowledging, int stallEvery, long stallMillis) {
        this.acknowledging = acknowledging;
        this.stallEvery = stallEvery;
        this.stallMillis = stallMillis;
        return this;
    }

    @Override
    public String name() {
        return "xen-uart";
    }

    @Override
    public InputStream input() {
        return toHarness.input();
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        closed = true;
        guests.forEach(g -> g.thread.interrupt());
        toHarness.end();
    }

    /** Xen's printk: a prefix at each line start, CR before LF; a log line may cut in first. */
    private synchronized void printk(String text) {
        for (char c : text.toCharArray()) {
            if (atLineStart) {
                emit("(XEN) ");
            }
            emit(c == '\n' ? "\r\n" : String.valueOf(c));
            atLineStart = c == '\n';
        }
    }

    private synchronized void maybeNoise() {
        if (random.nextDouble() < noisePerLine) {
            printk(XEN_NOISE[random.nextInt(XEN_NOISE.length)] + "\n");
        }
    }

    private synchronized void emit(String text) {
        toHarness.add(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private synchronized void switchFocus() {
        focus = focus == guestCount ? 0 : focus + 1;
        printk("*** Serial input to " + (focus == 0 ? "Xen" : "DOM" + focus)
                + " (type 'CTRL-a' three times to switch input)\n");
    }

    /** A byte from the harness, as console.c's serial_rx takes it. */
    private synchronized void receive(byte b) {
        if (b == 0x01) {
            if (++switchPresses == 3) {
                switchPresses = 0;
                switchFocus();
            }
            return;
        }
        switchPresses = 0;
        if (focus == 0) {
            return;
        }
        if (!guests.get(focus - 1).input.offer(b)) {
            // guest_printk: its own prefix at a line start, the log level in the middle of one.
            if (atLineStart) {
                emit("(d" + focus + ") failed to process console input: -28\r\n");
            } else {
                emit("<1>failed to process console input: -28\r\n");
                atLineStart = true;
            }
        }
    }

    /** One dom0less guest: a vpl011 and an agent behind it. */
    private final class Guest {
        final int domain;
        final BlockingQueue<Byte> input = new ArrayBlockingQueue<>(GUEST_INPUT);
        final StringBuilder unfocused = new StringBuilder();
        final Thread thread;
        String lastSequence;
        String lastReply;

        Guest(int domain) {
            this.domain = domain;
            this.thread = new Thread(this::run, "fake-xen-dom" + domain);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            StringBuilder line = new StringBuilder();
            int taken = 0;
            int unacked = 0;
            try {
                // The banner goes out once the test has said how the agent behaves.
                Thread.sleep(50);
                write("\r\n" + new ProtocolLine(ProtocolLine.EVENT, "fwcts-agent", identity(2)).encode() + "\r\n");
                while (!closed) {
                    byte b = input.take();
                    LockSupport.parkNanos(drainNanosPerByte);
                    if (stallEvery > 0 && ++taken % stallEvery == 0) {
                        Thread.sleep(stallMillis);
                    }
                    if (acknowledging && (b == '\n' || b == '\r')) {
                        unacked = 0;
                    } else if (acknowledging && ++unacked == 16) {
                        unacked = 0;
                        write("~");
                    }
                    if (b == '\n' || b == '\r') {
                        if (!line.isEmpty()) {
                            answer(line.toString());
                        }
                        line.setLength(0);
                    } else if (line.length() < 700) {
                        line.append((char) (b & 0xff));
                    }
                }
            } catch (InterruptedException e) {
                // The console closed.
            }
        }

        private List<String> identity(int version) {
            return List.of("proto=" + version, "el=1", acknowledging ? "caps=smc,hvc,echo,ack16" : "caps=smc,hvc,echo",
                    "ver=fake", "agent=vm", "ep=0");
        }

        private void answer(String line) {
            var request = ProtocolLine.decode(line).filter(l -> l.kind() == ProtocolLine.REQUEST);
            if (request.isEmpty()) {
                return;
            }
            ProtocolLine frame = request.get();
            String verb = frame.fields().isEmpty() ? "" : frame.fields().get(0);
            if (!verb.equals("hello") && frame.head().equals(lastSequence)) {
                write(lastReply);
                return;
            }
            List<String> fields = switch (verb) {
                case "hello" -> identity(2);
                case "smc" -> List.of(Long.toHexString(Long.parseUnsignedLong(frame.fields().get(1), 16)
                        ^ ((long) domain << 40)));
                default -> null;
            };
            String status = fields == null ? "err" : "ok";
            String reply = new ProtocolLine(ProtocolLine.REPLY, frame.head(),
                    concat(List.of(status), fields == null ? List.of("verb") : fields)).encode() + "\r\n";
            if (!verb.equals("hello")) {
                lastSequence = frame.head();
                lastReply = reply;
            }
            write(reply);
        }

        private List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        /** vpl011_write_data_xen, byte by byte. */
        private void write(String text) {
            for (char c : text.toCharArray()) {
                synchronized (FakeXenUart.this) {
                    maybeNoiseMidLine();
                    unfocused.append(c);
                    if (focus == domain) {
                        if (unfocused.length() == 1) {
                            printk(String.valueOf(c));
                        } else {
                            printk(unfocused + (c == '\n' ? "" : "\n"));
                        }
                        unfocused.setLength(0);
                    } else if (unfocused.length() == CHUNK || c == '\n') {
                        printk("DOM" + domain + ": " + unfocused + (c == '\n' ? "" : "\n"));
                        unfocused.setLength(0);
                    }
                }
            }
        }

        private void maybeNoiseMidLine() {
            if (random.nextInt(64) == 0) {
                maybeNoise();
            }
        }
    }

    private final class ToXen extends OutputStream {
        @Override
        public void write(int b) {
            receive((byte) b);
        }
    }
}
