package org.fwcts.harness.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.model.Registers;

/**
 * Talks to one agent over one console: numbers each request, matches the reply by sequence
 * number and checksum, retransmits when a reply is lost or the agent saw a corrupted request,
 * and gives up after a deadline with {@link AgentReply.NoReply} rather than waiting forever.
 *
 * <p>Retransmitting is always safe: the agent re-sends the reply of a request it already ran
 * instead of running it twice (PROTOCOL.md, "Retransmission and duplicates").
 */
public final class AgentSession implements AutoCloseable {
    public static final int PROTOCOL_VERSION = 1;
    private static final String BANNER = "fwcts-agent";
    private static final String PANIC = "panic";
    private static final int ATTEMPTS = 3;
    private static final Duration HELLO_INTERVAL = Duration.ofSeconds(1);
    private static final Duration BANNER_GRACE = Duration.ofSeconds(3);
    /** How often a wait for a reply looks whether the console was reopened meanwhile. */
    private static final Duration RECONNECT_POLL = Duration.ofMillis(200);
    private static final long SEQUENCE_MASK = 0xFFFF_FFFFL;

    private final LineChannel channel;
    private final Duration commandTimeout;
    private long sequence;
    private int restartsSeen;
    private int retransmissions;
    private volatile String failure;
    /** The code of the agent's refusal of the last attempt as damaged, if it was refused. */
    private String refusal;
    private int reconnectionsSeen;
    private AgentInfo info;

    public AgentSession(LineChannel channel, Duration commandTimeout) {
        this.channel = channel;
        this.commandTimeout = commandTimeout;
        // A random start keeps this session's numbers apart from whatever an earlier session left
        // in the agent's memory of its last request.
        this.sequence = ThreadLocalRandom.current().nextLong(1, 0x7FFF_FFFFL);
    }

    /**
     * Waits for the agent's banner (or asks for it with {@code hello} when it was missed) and
     * checks the protocol version, within {@code bootTimeout}.
     */
    public AgentInfo handshake(Duration bootTimeout) throws InterruptedException {
        long deadline = System.nanoTime() + bootTimeout.toNanos();
        Optional<AgentInfo> banner = awaitBanner(min(BANNER_GRACE, bootTimeout));
        banner.ifPresent(this::checkProtocol);
        while (System.nanoTime() < deadline) {
            AgentReply reply = exchange("hello", List.of(Integer.toString(PROTOCOL_VERSION)), HELLO_INTERVAL, 1);
            if (reply instanceof AgentReply.Ok ok) {
                info = AgentInfo.parse(ok.fields());
                checkProtocol(info);
                return info;
            }
            if (reply instanceof AgentReply.Rejected rejected && rejected.code().equals("proto")) {
                throw new AgentProtocolException("the agent does not speak protocol version " + PROTOCOL_VERSION);
            }
            if (channel.ended()) {
                break;
            }
        }
        throw new AgentProtocolException("no agent answered on console '" + channel.consoleName() + "' within "
                + bootTimeout.toSeconds() + " s" + (channel.ended() ? " (the console closed)" : ""));
    }

    /** Sends one request and returns the agent's reply, retransmitting as the protocol allows. */
    public AgentReply request(String verb, List<String> args) {
        return request(verb, args, commandTimeout);
    }

    public AgentReply request(String verb, List<String> args, Duration timeout) {
        try {
            return exchange(verb, args, timeout, ATTEMPTS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AgentReply.NoReply("interrupted while waiting for the agent");
        }
    }

    /** Issues {@code SMC #0} with x0–x17 from {@code call}. */
    public Observation smc(Registers call) {
        return observe(request("smc", registerFields(call)));
    }

    /** Issues {@code HVC #0} with x0–x17 from {@code call}. */
    public Observation hvc(Registers call) {
        return observe(request("hvc", registerFields(call)));
    }

    /** The agent's identification from the handshake. */
    public AgentInfo info() {
        return info;
    }

    /** How many times the agent's boot banner appeared after the handshake: resets nobody asked for. */
    public int restartsSeen() {
        return restartsSeen;
    }

    /**
     * Why the target stopped serving this session, once it has: it panicked, restarted by itself,
     * closed its console or let a request go unanswered past every retransmission. A failed
     * session answers nothing more; the target must be relaunched.
     */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** How many requests were sent again because a reply was lost, corrupted or refused as corrupted. */
    public synchronized int retransmissions() {
        return retransmissions;
    }

    public LineChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.close();
    }

    private AgentReply exchange(String verb, List<String> args, Duration timeout, int attempts) throws InterruptedException {
        long seq = nextSequence();
        String line = ProtocolLine.request(seq, verb, args).encode();
        if (failure != null) {
            return new AgentReply.NoReply(failure + "; not sent: '" + line + "'");
        }
        String lastProblem = "no reply";
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                countRetransmission();
            }
            refusal = null;
            greetAfterReconnection();
            if (failure != null) {
                return new AgentReply.NoReply(failure + "; not sent: '" + line + "'");
            }
            send(line);
            Optional<AgentReply> reply = awaitReply(seq, timeout);
            if (reply.isPresent()) {
                return reply.get();
            }
            if (failure != null) {
                return new AgentReply.NoReply(failure + " while waiting for the reply to '" + line + "'");
            }
            lastProblem = channel.ended() ? "the console closed" : "no valid reply within " + timeout.toMillis() + " ms";
            if (channel.ended()) {
                break;
            }
        }
        if (refusal != null) {
            // Refused every time as damaged: the request itself is malformed, and the agent is alive.
            return new AgentReply.Rejected(refusal);
        }
        String reason = lastProblem + " to '" + line + "'" + (attempts > 1 ? " (sent " + attempts + " times)" : "");
        if (info != null) {
            // After the handshake an unanswered request means the target is gone, not just slow to boot.
            failure = reason;
        }
        return new AgentReply.NoReply(reason);
    }

    private synchronized void countRetransmission() {
        retransmissions++;
    }

    /**
     * Shakes hands again when the console was reopened since the last request: the agent kept
     * running, but whatever was on the line during the gap is gone, and the agent must be the
     * same one (same protocol) as before.
     */
    private void greetAfterReconnection() throws InterruptedException {
        int reconnections = channel.reconnections();
        if (reconnections == reconnectionsSeen || info == null) {
            return;
        }
        reconnectionsSeen = reconnections;
        channel.note("console reopened (" + reconnections + " so far); greeting the agent again");
        AgentReply reply = exchange("hello", List.of(Integer.toString(PROTOCOL_VERSION)), commandTimeout, ATTEMPTS);
        if (reply instanceof AgentReply.Ok ok) {
            checkProtocol(AgentInfo.parse(ok.fields()));
        }
        // Otherwise the exchange has recorded the failure: the request that follows is not sent.
    }

    /** The reply to {@code seq}, or empty when the request must be sent again. */
    private Optional<AgentReply> awaitReply(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            Optional<String> raw = channel.next(min(Duration.ofNanos(left), RECONNECT_POLL));
            Optional<String> partitionStop = raw.flatMap(PartitionAgentStop::in);
            if (partitionStop.isPresent()) {
                // The request is waiting on a partition that announced it will never run again.
                failure = "the partition agent stopped: " + partitionStop.get();
                return Optional.empty();
            }
            Optional<ProtocolLine> line = raw.flatMap(ProtocolLine::decode);
            if (line.isEmpty()) {
                if (channel.ended() || channel.reconnections() != reconnectionsSeen) {
                    // A reopened console lost what was on the line: greet the agent and resend now.
                    break;
                }
                continue;
            }
            ProtocolLine frame = line.get();
            if (frame.kind() == ProtocolLine.EVENT && frame.head().equals(BANNER)) {
                if (info != null) {
                    restartsSeen++;
                    failure = "the agent restarted by itself (boot banner mid-run)";
                    return Optional.empty();
                }
                continue;
            }
            if (frame.kind() == ProtocolLine.EVENT && frame.head().equals(PANIC)) {
                failure = "the agent panicked: " + frame.encode();
                return Optional.empty();
            }
            if (frame.kind() != ProtocolLine.REPLY || frame.fields().isEmpty()) {
                continue;
            }
            boolean ours = frame.sequence() == seq;
            boolean unreadable = frame.sequence() == 0 && isRejection(frame, "syntax");
            // A request damaged on the way arrives with a bad CRC or a broken trailer: send it again.
            boolean damaged = ours && (isRejection(frame, "crc") || isRejection(frame, "syntax"));
            if (unreadable || damaged) {
                refusal = damaged ? frame.fields().get(1) : null;
                return Optional.empty();
            }
            refusal = null;
            if (ours) {
                return Optional.of(parse(frame));
            }
            // A stale reply to an earlier request: ignored (it is in the transcript).
        }
        return Optional.empty();
    }

    private Optional<AgentInfo> awaitBanner(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            Optional<ProtocolLine> line = channel.next(Duration.ofNanos(left)).flatMap(ProtocolLine::decode);
            if (line.isPresent() && line.get().kind() == ProtocolLine.EVENT && line.get().head().equals(BANNER)) {
                return Optional.of(AgentInfo.parse(line.get().fields()));
            }
            if (channel.ended()) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isRejection(ProtocolLine frame, String code) {
        return frame.fields().size() >= 2 && frame.fields().get(0).equals("err") && frame.fields().get(1).equals(code);
    }

    private static AgentReply parse(ProtocolLine frame) {
        List<String> fields = frame.fields();
        List<String> rest = fields.subList(1, fields.size());
        return switch (fields.get(0)) {
            case "ok" -> new AgentReply.Ok(rest);
            case "err" -> new AgentReply.Rejected(rest.isEmpty() ? "?" : rest.get(0));
            case "fault" -> fault(rest);
            default -> throw new AgentProtocolException("unknown reply status in " + frame.encode());
        };
    }

    private static AgentReply fault(List<String> fields) {
        if (fields.size() != 3) {
            throw new AgentProtocolException("a fault reply carries ESR FAR ELR, got " + fields);
        }
        return new AgentReply.Fault(new ExceptionReport(hex(fields.get(0)), hex(fields.get(1)), hex(fields.get(2))));
    }

    private static Observation observe(AgentReply reply) {
        if (reply instanceof AgentReply.Ok ok) {
            long[] values = new long[Registers.COUNT];
            for (int i = 0; i < ok.fields().size() && i < Registers.COUNT; i++) {
                values[i] = ok.number(i);
            }
            return new Observation.Completed(Registers.of(values));
        }
        if (reply instanceof AgentReply.Fault fault) {
            return new Observation.Faulted(fault.exception());
        }
        if (reply instanceof AgentReply.Rejected rejected) {
            return new Observation.Indeterminate("the agent refused the call: err " + rejected.code());
        }
        return new Observation.Indeterminate(((AgentReply.NoReply) reply).reason());
    }

    /** x0–x17 as hex fields, trailing zero registers left out (the agent takes them as 0). */
    static List<String> registerFields(Registers call) {
        int count = Registers.COUNT;
        while (count > 1 && call.x(count - 1) == 0) {
            count--;
        }
        List<String> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(Long.toHexString(call.x(i)));
        }
        return fields;
    }

    private void send(String line) {
        try {
            channel.send(line);
        } catch (IOException e) {
            // The reply wait that follows reports the console's end; the write error is in the transcript.
            byte[] note = ("[write failed: " + e.getMessage() + "]").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            channel.transcript().record(channel.consoleName(), org.fwcts.harness.console.Transcript.Direction.TX, note,
                    note.length);
        }
    }

    private long nextSequence() {
        sequence = (sequence + 1) & SEQUENCE_MASK;
        if (sequence == 0) {
            sequence = 1;
        }
        return sequence;
    }

    private void checkProtocol(AgentInfo agent) {
        if (agent.protocol() != PROTOCOL_VERSION) {
            throw new AgentProtocolException("the agent speaks protocol " + agent.protocol() + ", the harness "
                    + PROTOCOL_VERSION);
        }
    }

    private static long hex(String text) {
        return Long.parseUnsignedLong(text, 16);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
