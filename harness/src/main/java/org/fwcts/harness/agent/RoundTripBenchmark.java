package org.fwcts.harness.agent;

import java.util.Arrays;
import java.util.List;
import org.fwcts.model.Registers;

/**
 * Measures the agent call round trip against a bare echo of the same size over the same
 * console: the ratio is the protocol's and the call's overhead above the console itself.
 *
 * <p>Echoes and calls alternate pair by pair (which goes first alternates too), so a drift in
 * the machine's load during the measurement weighs on both alike instead of on whichever kind
 * ran last.
 */
public final class RoundTripBenchmark {
    /** 8N1 framing: ten bit times per byte. */
    private static final int BITS_PER_BYTE = 10;

    private final AgentSession agent;

    public RoundTripBenchmark(AgentSession agent) {
        this.agent = agent;
    }

    /** Timing of one kind of round trip. */
    public record Timing(String what, long[] nanos, int bytesPerCall) {
        public double medianMicros() {
            return percentileMicros(0.5);
        }

        public double percentileMicros(double fraction) {
            return percentile(nanos, fraction) / 1000.0;
        }

        public double callsPerSecond() {
            return 1e6 / medianMicros();
        }

        /** How many such calls a serial line of {@code baud} (8N1) carries per second at most. */
        public double lineCallsPerSecond(int baud) {
            return (double) baud / BITS_PER_BYTE / bytesPerCall;
        }

        /** The measured call rate as a share of what a line of {@code baud} carries (1.0: the line is full). */
        public double lineRateShare(int baud) {
            return callsPerSecond() / lineCallsPerSecond(baud);
        }
    }

    /** Echo and SMC timings measured pair by pair. */
    public record Pairs(Timing echo, Timing smc) {
        /** The ratio smc/echo of the {@code fraction} percentile over the pairs, e.g. 0.5 for the median. */
        public double ratio(double fraction) {
            long[] echoes = echo.nanos();
            long[] calls = smc.nanos();
            long[] ratios = new long[echoes.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = Math.round(1e6 * calls[i] / Math.max(1, echoes[i]));
            }
            return percentile(ratios, fraction) / 1e6;
        }
    }

    /**
     * Times {@code count} pairs of an echo carrying the fields an SMC of {@code call} would and
     * that SMC, after {@code warmup} unmeasured pairs.
     */
    public Pairs pairs(Registers call, int warmup, int count) {
        List<String> fields = AgentSession.registerFields(call);
        for (int i = 0; i < warmup; i++) {
            expectOk(agent.request("echo", fields), "echo");
            expectOk(agent.request("smc", fields), "smc");
        }
        long[] echoes = new long[count];
        long[] calls = new long[count];
        AgentReply.Ok echoReply = null;
        AgentReply.Ok smcReply = null;
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                echoReply = timed("echo", fields, echoes, i);
                smcReply = timed("smc", fields, calls, i);
            } else {
                smcReply = timed("smc", fields, calls, i);
                echoReply = timed("echo", fields, echoes, i);
            }
        }
        return new Pairs(new Timing("echo", echoes, wireBytes("echo", fields, echoReply)),
                new Timing("smc", calls, wireBytes("smc", fields, smcReply)));
    }

    private AgentReply.Ok timed(String verb, List<String> fields, long[] into, int index) {
        long start = System.nanoTime();
        AgentReply.Ok reply = expectOk(agent.request(verb, fields), verb);
        into[index] = System.nanoTime() - start;
        return reply;
    }

    private static long percentile(long[] values, double fraction) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
    }

    /** Request line plus LF, reply line plus CR LF, as the protocol encodes them. */
    private static int wireBytes(String verb, List<String> fields, AgentReply.Ok reply) {
        String request = ProtocolLine.request(0xFFFF_FFFFL, verb, fields).encode();
        java.util.ArrayList<String> replyFields = new java.util.ArrayList<>();
        replyFields.add("ok");
        replyFields.addAll(reply.fields());
        String answer = new ProtocolLine(ProtocolLine.REPLY, "ffffffff", replyFields).encode();
        return request.length() + 1 + answer.length() + 2;
    }

    private static AgentReply.Ok expectOk(AgentReply reply, String verb) {
        if (reply instanceof AgentReply.Ok ok) {
            return ok;
        }
        throw new AgentProtocolException(verb + " did not succeed during the benchmark: " + reply);
    }
}
