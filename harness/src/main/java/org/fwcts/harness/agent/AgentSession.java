package org.fwcts.harness.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.model.Registers;
import org.fwcts.targets.text.UntrustedText;

/**
 * Talks to one agent over one console: numbers each request, matches the reply by sequence
 * number and checksum, retransmits when a reply is lost or the agent saw a corrupted request,
 * and gives up after a deadline with {@link AgentReply.NoReply} rather than waiting forever.
 *
 * <p>Retransmitting is always safe: the agent re-sends the reply of a request it already ran
 * instead of running it twice (PROTOCOL.md, "Retransmission and duplicates").
 */
public final class AgentSession implements AutoCloseable {
    /** The newest protocol version the harness speaks; it asks for this one first. */
    public static final int PROTOCOL_VERSION = 2;
    /** Agents built before version 2 (no identity in the banner) are still driven, with version 1. */
    public static final int OLDEST_PROTOCOL_VERSION = 1;
    private static final String BANNER = "fwcts-agent";
    private static final String PANIC = "panic";
    private static final int ATTEMPTS = 3;
    private static final Duration HELLO_INTERVAL = Duration.ofSeconds(1);
    private static final Duration BANNER_GRACE = Duration.ofSeconds(3);
    /** How often a wait for a reply looks whether the console was reopened meanwhile. */
    private static final Duration RECONNECT_POLL = Duration.ofMillis(200);
    /** The least a retransmission waits once the agent is known to have made the request's call. */
    private static final Duration RESEND_WAIT_MIN = Duration.ofSeconds(1);
    private static final long SEQUENCE_MASK = 0xFFFF_FFFFL;
    /** Replies with a sequence number this session never sent, before the agent counts as broken. */
    private static final int FOREIGN_REPLY_LIMIT = 3;
    /** The capability of an agent that writes {@link LineChannel#CALL_MARK} before each call it makes (PROTOCOL.md). */
    public static final String CALL_MARK_CAPABILITY = "callmark";

    private final LineChannel channel;
    private final Duration commandTimeout;
    private long sequence;
    private final long firstSequence;
    private int foreignReplies;
    /** Replies to other requests that arrived while the current request waited. */
    private int otherReplies;
    /** Set with {@link #failure} when relaunching the target would not help: it broke the protocol or overran its console. */
    private volatile boolean failedForGood;
    private int restartsSeen;
    private int retransmissions;
    private volatile String failure;
    /** The code of the agent's refusal of the last attempt as damaged, if it was refused. */
    private String refusal;
    private int reconnectionsSeen;
    private AgentInfo info;
    /**
     * Why calls will not return, learnt elsewhere than on the agent's console since this session
     * began: a crash report on the target's other consoles, Xen's report of a panic or of the
     * guest it crashed. Empty for a target without any.
     */
    private final Supplier<Optional<String>> endedElsewhere;
    /**
     * Why a call in progress can never return, when the session learnt it before the deadline:
     * the firmware reported a crash, or the partition agent the call waits on stopped.
     */
    private volatile String callEnded;

    public AgentSession(LineChannel channel, Duration commandTimeout) {
        this(channel, commandTimeout, Optional::empty);
    }

    /**
     * A session that also stops waiting as soon as {@code endedElsewhere} gives a reason no call
     * will return (the firmware's crash console need not be the agent's).
     */
    public AgentSession(LineChannel channel, Duration commandTimeout, Supplier<Optional<String>> endedElsewhere) {
        this.channel = channel;
        this.commandTimeout = commandTimeout;
        this.endedElsewhere = endedElsewhere;
        // A random start keeps this session's numbers apart from whatever an earlier session left
        // in the agent's memory of its last request.
        this.sequence = ThreadLocalRandom.current().nextLong(1, 0x7FFF_FFFFL);
        this.firstSequence = sequence;
    }

    /**
     * Waits for the agent's banner (or asks for it with {@code hello} when it was missed) and
     * checks the protocol version, within {@code bootTimeout}.
     */
    public AgentInfo handshake(Duration bootTimeout) throws InterruptedException {
        long deadline = System.nanoTime() + bootTimeout.toNanos();
        Optional<AgentInfo> banner = awaitBanner(min(BANNER_GRACE, bootTimeout));
        banner.ifPresent(this::checkProtocol);
        int asked = PROTOCOL_VERSION;
        while (System.nanoTime() < deadline) {
            AgentReply reply = exchange("hello", List.of(Integer.toString(asked)), HELLO_INTERVAL, 1);
            if (reply instanceof AgentReply.Ok ok) {
                info = AgentInfo.parse(ok.fields());
                checkProtocol(info);
                return info;
            }
            if (reply instanceof AgentReply.Rejected rejected && rejected.code().equals("proto")) {
                if (asked == OLDEST_PROTOCOL_VERSION) {
                    throw new AgentProtocolException("the agent speaks none of protocol versions "
                            + OLDEST_PROTOCOL_VERSION + " to " + PROTOCOL_VERSION);
                }
                asked--;
                continue;
            }
            if (channel.ended() || failure != null) {
                break;
            }
        }
        String why = failure != null ? " (" + failure + ")" : channel.ended() ? " (" + endOfConsole() + ")" : "";
        throw new AgentProtocolException("no agent answered on console '" + channel.consoleName() + "' within "
                + bootTimeout.toSeconds() + " s" + why);
    }

    /** Sends one request and returns the agent's reply, retransmitting as the protocol allows. */
    public AgentReply request(String verb, List<String> args) {
        return request(verb, args, commandTimeout);
    }

    public AgentReply request(String verb, List<String> args, Duration timeout) {
        long start = TargetWait.begin();
        try {
            return exchange(verb, args, timeout, ATTEMPTS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AgentReply.NoReply("interrupted while waiting for the agent");
        } finally {
            TargetWait.end(start);
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

    /** Whether the agent serves {@code chain} requests (its capabilities list {@value AgentChain#CAPABILITY}). */
    public boolean chains() {
        return info != null && info.capabilities().contains(AgentChain.CAPABILITY);
    }

    /**
     * Runs {@code chain} in as few requests as its lines take. The results are those of the
     * operations that ran, in order, one per operation that answers ({@link AgentReply.Ok} or
     * {@link AgentReply.Fault}); fewer than {@link AgentChain#size()} when the agent stopped at a
     * fault or an expectation that did not hold. A line that got no valid answer ends the list with
     * its {@link AgentReply.NoReply} or {@link AgentReply.Rejected}.
     */
    public List<AgentReply> chain(AgentChain chain) {
        List<AgentReply> results = new ArrayList<>(chain.size());
        for (AgentChain.Line line : chain.lines()) {
            int calls = line.units().size();
            // A line holds several calls, each allowed the time of one command, but a hang is still found soon.
            Duration timeout = commandTimeout.plus(commandTimeout.dividedBy(4).multipliedBy(calls - 1L));
            AgentReply reply = request("chain", line.args(), timeout);
            if (reply instanceof AgentReply.NotReturned notReturned) {
                stoppedInCall(line, notReturned, results);
                return results;
            }
            if (!(reply instanceof AgentReply.Ok ok)) {
                results.add(reply);
                return results;
            }
            if (!unitResults(line, ok.fields(), results)) {
                return results;
            }
        }
        return results;
    }

    /**
     * Adds the results of a line whose call {@code notReturned.call()} never returned: the units
     * before it ran (a write answers nothing more than {@code ok}; other results were in the reply
     * that never came), and that call did not return.
     */
    private static void stoppedInCall(AgentChain.Line line, AgentReply.NotReturned notReturned, List<AgentReply> results) {
        int calls = 0;
        for (AgentChain.Unit unit : line.units()) {
            String verb = unit.fields().get(0);
            boolean call = verb.equals("smc") || verb.equals("hvc");
            if (call && ++calls == notReturned.call()) {
                results.add(notReturned);
                return;
            }
            results.add(verb.equals("wrb") ? new AgentReply.Ok(List.of())
                    : new AgentReply.NoReply("the reply was lost: call " + notReturned.call() + " of the chain line did not return"));
        }
        // More markers than calls: the line's results are unknown.
        results.add(new AgentReply.NoReply("the agent marked " + notReturned.call() + " calls in a chain line of " + calls));
    }

    /**
     * Adds the results of {@code line}'s units from the fields of its reply ({@code RESULT / RESULT
     * ...}, one per operation and expectation); false when the agent stopped before the line's end.
     */
    private boolean unitResults(AgentChain.Line line, List<String> fields, List<AgentReply> results) {
        List<List<String>> items = new ArrayList<>();
        for (int start = 0, i = 0; !fields.isEmpty() && i <= fields.size(); i++) {
            if (i == fields.size() || fields.get(i).equals(AgentChain.SEPARATOR)) {
                items.add(fields.subList(start, i));
                start = i + 1;
            }
        }
        if (items.size() > line.results() || items.stream().anyMatch(List::isEmpty)) {
            throw brokeChain("a chain reply with " + items.size() + " results (at most " + line.results() + ")", fields);
        }
        int next = 0;
        for (AgentChain.Unit unit : line.units()) {
            if (next == items.size()) {
                return false;
            }
            List<String> item = items.get(next++);
            List<String> rest = item.subList(1, item.size());
            switch (item.get(0)) {
                case "ok" -> results.add(new AgentReply.Ok(rest));
                case "fault" -> {
                    if (rest.size() != 3 || !rest.stream().allMatch(WireNumber::isValid)) {
                        throw brokeChain("a chain result 'fault' without ESR FAR ELR", fields);
                    }
                    results.add(new AgentReply.Fault(new ExceptionReport(WireNumber.parse(rest.get(0)),
                            WireNumber.parse(rest.get(1)), WireNumber.parse(rest.get(2)))));
                    return finished(items, next, fields);
                }
                default -> throw brokeChain("a chain result with an unknown status", fields);
            }
            for (int e = 1; e < unit.results(); e++) {
                if (next == items.size()) {
                    throw brokeChain("a chain that stopped without judging an expectation", fields);
                }
                List<String> outcome = items.get(next++);
                if (outcome.size() != 1 || !(outcome.get(0).equals("ok") || outcome.get(0).equals("no"))) {
                    throw brokeChain("an expectation's result that is neither 'ok' nor 'no'", fields);
                }
                if (outcome.get(0).equals("no")) {
                    return finished(items, next, fields);
                }
            }
        }
        return true;
    }

    /** False, the chain having stopped at result {@code used}; a reply that goes on past it broke the protocol. */
    private boolean finished(List<List<String>> items, int used, List<String> fields) {
        if (used != items.size()) {
            throw brokeChain("a chain that went on after a fault or an expectation that did not hold", fields);
        }
        return false;
    }

    private AgentProtocolException brokeChain(String what, List<String> fields) {
        String reason = "the agent broke the protocol with " + what + ": '" + UntrustedText.line(String.join(" ", fields))
                + "'";
        fail(reason, true);
        return new AgentProtocolException(reason);
    }

    /** The observation of a call from the agent's reply to {@code smc} or {@code hvc}, one command or in a chain. */
    public Observation observation(AgentReply reply) {
        return observe(reply);
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

    /**
     * Whether the failure is one a relaunch of the same target would repeat: the agent broke the
     * protocol (malformed replies, sequence numbers never sent) or overran the console's limits.
     */
    public boolean failedForGood() {
        return failedForGood;
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

    /**
     * Sends a request up to {@code attempts} times, each waiting at most {@code timeout}, all
     * within {@code attempts × timeout}: a console that keeps reopening cannot stretch it.
     */
    private AgentReply exchange(String verb, List<String> args, Duration timeout, int attempts) throws InterruptedException {
        long seq = nextSequence();
        String line = ProtocolLine.request(seq, verb, args).encode();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos() * attempts;
        String lastProblem = "no reply";
        int sent = 0;
        otherReplies = 0;
        boolean marking = info != null && info.capabilities().contains(CALL_MARK_CAPABILITY);
        long marksBefore = channel.callMarks();
        Duration wait = timeout;
        boolean inCall = false;
        while (sent < attempts && failure == null) {
            if (!greetIfReconnected(deadline)) {
                lastProblem = channel.ended() ? endOfConsole()
                        : "the console reopened " + channel.reconnections() + " time(s) and the agent did not answer a greeting";
                break;
            }
            long left = deadline - System.nanoTime();
            if (failure != null || left <= 0) {
                break;
            }
            if (sent > 0) {
                countRetransmission();
            }
            refusal = null;
            send(line);
            sent++;
            Optional<AgentReply> reply = awaitReply(seq, min(wait, Duration.ofNanos(left)));
            if (reply.isPresent()) {
                return reply.get();
            }
            lastProblem = channel.ended() ? endOfConsole() : "no valid reply within " + wait.toMillis() + " ms";
            if (marking && !inCall && channel.callMarks() > marksBefore) {
                inCall = true;
                // The agent made the call and it has had the request's whole time. Had it returned, a
                // reply lost on the way would come back for a retransmission, from the agent's memory,
                // within a round trip: the attempts left wait for that only, so a hang is found sooner.
                wait = min(timeout, max(RESEND_WAIT_MIN, timeout.dividedBy(5)));
                deadline = Math.min(deadline, System.nanoTime() + wait.toNanos() * (attempts - sent));
            }
            if (channel.ended()) {
                break;
            }
        }
        if (marking && (failure == null || callEnded != null) && !channel.ended() && channel.callMarks() > marksBefore) {
            return notReturned(line, marksBefore, start);
        }
        if (failure != null) {
            return new AgentReply.NoReply(failure + (sent == 0 ? "; not sent: '" : " while waiting for the reply to '")
                    + line + "'");
        }
        if (refusal != null) {
            // Refused every time as damaged: the request itself is malformed, and the agent is alive.
            return new AgentReply.Rejected(refusal);
        }
        String reason = lastProblem + " to '" + line + "'" + (sent > 1 ? " (sent " + sent + " times)" : "");
        if (info != null && otherReplies >= attempts) {
            // It answers, but never this request: stale numbers forever are the agent's fault, and a relaunch keeps it.
            fail("the agent answered " + otherReplies + " times, never with the sequence number of the request: " + reason, true);
        } else if (info != null) {
            // After the handshake an unanswered request means the target is gone, not just slow to boot.
            fail(reason, channel.overrun().isPresent());
        }
        return new AgentReply.NoReply(reason);
    }

    /**
     * The agent started a call for the request (its marker arrived) and answered none of its
     * attempts: it is inside the call, and the firmware did not return from it. (A reply lost on
     * the way would have come back for a retransmission, from the agent's memory of its last
     * request.) The target must be relaunched, not for good: the next boot may not make that call.
     */
    private AgentReply notReturned(String line, long marksBefore, long start) {
        AgentReply.NotReturned notReturned = new AgentReply.NotReturned((int) (channel.callMarks() - marksBefore),
                Duration.ofNanos(System.nanoTime() - start), Optional.ofNullable(callEnded));
        channel.note("the firmware did not return: " + notReturned.reason());
        String reason = "the firmware did not return from a call: " + notReturned.reason() + " ('" + line + "')";
        if (callEnded != null) {
            failure = reason; // replaces the bare cause: this one names the call
        }
        fail(reason, false);
        return notReturned;
    }

    /** Whole seconds, or tenths below ten, as reports give a wait. */
    public static String seconds(Duration waited) {
        long millis = waited.toMillis();
        return millis >= 10_000 ? Long.toString(Math.round(millis / 1000.0))
                : java.math.BigDecimal.valueOf(millis / 100, 1).toPlainString();
    }

    private synchronized void countRetransmission() {
        retransmissions++;
    }

    /**
     * Shakes hands again when the console was reopened since the last request: the agent kept
     * running, but whatever was on the line during the gap is gone, and the agent must be the
     * same one (same protocol) as before. Greets until the agent answers or {@code deadline};
     * false when it did not answer in time.
     */
    private boolean greetIfReconnected(long deadline) throws InterruptedException {
        if (info == null || channel.reconnections() == reconnectionsSeen) {
            return true;
        }
        channel.note("console reopened (" + channel.reconnections() + " so far); greeting the agent again");
        while (failure == null && !channel.ended()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            reconnectionsSeen = channel.reconnections();
            long seq = nextSequence();
            send(ProtocolLine.request(seq, "hello", List.of(Integer.toString(info.protocol()))).encode());
            Optional<AgentReply> reply = awaitReply(seq, min(commandTimeout, Duration.ofNanos(left)));
            if (reply.isPresent()) {
                if (reply.get() instanceof AgentReply.Ok ok) {
                    AgentInfo again = AgentInfo.parse(ok.fields());
                    checkProtocol(again);
                    if (!again.identity().equals(info.identity())) {
                        throw new AgentProtocolException("after the console was reopened another agent answers: "
                                + again.identity() + " instead of " + info.identity());
                    }
                }
                return true;
            }
            countRetransmission();
        }
        return false;
    }

    /** Why the console ended: it closed, a read failed, or the target overran it. */
    private String endOfConsole() {
        return channel.endReason();
    }

    /** Records why the target stopped serving this session; {@code forGood} when a relaunch would not help. */
    private void fail(String reason, boolean forGood) {
        if (failure == null) {
            failedForGood = forGood;
            failure = reason;
        }
    }

    /** The reply to {@code seq}, or empty when the request must be sent again. */
    private Optional<AgentReply> awaitReply(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            Optional<String> raw = channel.next(min(Duration.ofNanos(left), RECONNECT_POLL));
            Optional<String> partitionStop = raw.flatMap(PartitionAgentStop::in);
            if (partitionStop.isPresent()) {
                // The request is waiting on a partition that announced it will never run again.
                callEnded = "the partition agent it waited on stopped: " + partitionStop.get();
                failure = "the partition agent stopped: " + partitionStop.get();
                return Optional.empty();
            }
            if (crashSeen(raw, "")) {
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
                    fail("the agent restarted by itself (boot banner mid-run)", false);
                    return Optional.empty();
                }
                continue;
            }
            if (frame.kind() == ProtocolLine.EVENT && frame.head().equals(PANIC)) {
                fail("the agent panicked: " + UntrustedText.line(frame.encode()), false);
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
            otherReplies++;
            if (!sentBefore(frame.sequence()) && ++foreignReplies >= FOREIGN_REPLY_LIMIT) {
                fail("the agent answered " + foreignReplies + " times with sequence numbers this session never sent (last: '"
                        + UntrustedText.line(frame.encode()) + "')", true);
                return Optional.empty();
            }
            // A stale reply to an earlier request: ignored (it is in the transcript).
        }
        return Optional.empty();
    }

    /**
     * Whether {@code raw}, a line read on the agent's console, or what was learnt elsewhere shows
     * that no call will return (the firmware crashed); if so, the session has failed with the cause.
     */
    private boolean crashSeen(Optional<String> raw, String when) {
        Optional<String> cause = raw.flatMap(line -> FirmwareCrashLine.cause(line, channel.consoleName()))
                .or(endedElsewhere);
        cause.ifPresent(why -> {
            callEnded = why;
            fail(why + when, false);
        });
        return cause.isPresent();
    }

    private Optional<AgentInfo> awaitBanner(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            Optional<String> raw = channel.next(min(Duration.ofNanos(left), RECONNECT_POLL));
            if (crashSeen(raw, " (while booting)")) {
                // No banner is coming, and the greetings need not wait for one.
                return Optional.empty();
            }
            Optional<ProtocolLine> line = raw.flatMap(ProtocolLine::decode);
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

    /** The reply in {@code frame}; a reply the protocol does not allow is the agent's error, never a value. */
    private AgentReply parse(ProtocolLine frame) {
        List<String> fields = frame.fields();
        List<String> rest = fields.subList(1, fields.size());
        return switch (fields.get(0)) {
            case "ok" -> new AgentReply.Ok(rest);
            case "err" -> rejection(frame, rest);
            case "fault" -> fault(frame, rest);
            default -> throw brokeProtocol("a reply with an unknown status", frame);
        };
    }

    private AgentReply rejection(ProtocolLine frame, List<String> fields) {
        if (fields.size() != 1 || !fields.get(0).matches("[a-z]{1,16}")) {
            throw brokeProtocol("an err reply without one error code", frame);
        }
        return new AgentReply.Rejected(fields.get(0));
    }

    private AgentReply fault(ProtocolLine frame, List<String> fields) {
        if (fields.size() != 3 || !fields.stream().allMatch(WireNumber::isValid)) {
            throw brokeProtocol("a fault reply that does not carry ESR FAR ELR as hex numbers", frame);
        }
        return new AgentReply.Fault(new ExceptionReport(WireNumber.parse(fields.get(0)), WireNumber.parse(fields.get(1)),
                WireNumber.parse(fields.get(2))));
    }

    /** Records that the agent broke the protocol (relaunching will not mend it) and says so as an exception. */
    private AgentProtocolException brokeProtocol(String what, ProtocolLine frame) {
        String reason = "the agent broke the protocol with " + what + ": '" + UntrustedText.line(frame.encode()) + "'";
        fail(reason, true);
        return new AgentProtocolException(reason);
    }

    private Observation observe(AgentReply reply) {
        if (reply instanceof AgentReply.Ok ok) {
            List<String> fields = ok.fields();
            // SMCCC v1.2 returns x0-x17; the agent leaves out trailing zeros but always sends x0 (PROTOCOL.md).
            if (fields.isEmpty() || fields.size() > Registers.COUNT || !fields.stream().allMatch(WireNumber::isValid)) {
                String reason = "the agent broke the protocol with an smc/hvc reply that does not carry 1 to "
                        + Registers.COUNT + " registers as hex numbers: '" + UntrustedText.line(String.join(" ", fields)) + "'";
                fail(reason, true);
                throw new AgentProtocolException(reason);
            }
            long[] values = new long[Registers.COUNT];
            for (int i = 0; i < fields.size(); i++) {
                values[i] = WireNumber.parse(fields.get(i));
            }
            return new Observation.Completed(Registers.of(values));
        }
        if (reply instanceof AgentReply.Fault fault) {
            return new Observation.Faulted(fault.exception());
        }
        if (reply instanceof AgentReply.Rejected rejected) {
            return new Observation.Indeterminate("the agent refused the call: err " + rejected.code());
        }
        if (reply instanceof AgentReply.NotReturned notReturned) {
            return new Observation.NotReturned(notReturned.waited(), notReturned.cause());
        }
        return new Observation.Indeterminate(((AgentReply.NoReply) reply).reason());
    }

    /** x0–x17 as hex fields, trailing zero registers left out (the agent takes them as 0). */
    public static List<String> registerFields(Registers call) {
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
        if (agent.protocol() < OLDEST_PROTOCOL_VERSION || agent.protocol() > PROTOCOL_VERSION) {
            throw new AgentProtocolException("the agent speaks protocol " + agent.protocol() + ", the harness "
                    + OLDEST_PROTOCOL_VERSION + " to " + PROTOCOL_VERSION);
        }
    }

    /** Whether {@code seq} is one this session sent (numbers run from the first, wrapping past ffffffff to 1). */
    private boolean sentBefore(long seq) {
        if (seq == 0) {
            return false;
        }
        long span = (sequence - firstSequence) & SEQUENCE_MASK;
        long offset = (seq - firstSequence) & SEQUENCE_MASK;
        return offset != 0 && offset <= span;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
