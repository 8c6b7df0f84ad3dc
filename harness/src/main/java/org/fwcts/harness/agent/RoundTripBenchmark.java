package org.fwcts.harness.agent;

import java.util.Arrays;
import java.util.List;
import org.fwcts.model.Registers;

/**
 * Measures the agent call round trip against a bare echo of the same size over the same
 * console: the ratio is the protocol's and the call's overhead above the console itself.
 */
public final class RoundTripBenchmark {
    /** 8N1 framing: ten bit times per byte. */
    private static final int BITS_PER_BYTE = 10;
    private static final int SERIAL_BAUD = 115_200;

    private final AgentSession agent;

    public RoundTripBenchmark(AgentSession agent) {
        this.agent = agent;
    }

    /** Timing of one kind of round trip. */
    public record Timing(String what, long[] nanos, int bytesPerCall) {
        public double medianMicros() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2] / 1000.0;
        }

        public double percentileMicros(double fraction) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] / 1000.0;
        }

        public double callsPerSecond() {
            return 1e6 / medianMicros();
        }

        /** How many such calls a 115200-baud 8N1 line carries per second at most. */
        public double callsPerSecondAt115200() {
            return (double) SERIAL_BAUD / BITS_PER_BYTE / bytesPerCall;
        }
    }

    /** Times {@code count} SMC calls of {@code call} after {@code warmup} unmeasured ones. */
    public Timing smc(Registers call, int warmup, int count) {
        List<String> fields = AgentSession.registerFields(call);
        return time("smc", fields, warmup, count);
    }

    /** Times {@code count} echoes carrying the same fields an SMC of {@code call} would. */
    public Timing echo(Registers call, int warmup, int count) {
        return time("echo", AgentSession.registerFields(call), warmup, count);
    }

    private Timing time(String verb, List<String> fields, int warmup, int count) {
        for (int i = 0; i < warmup; i++) {
            expectOk(agent.request(verb, fields), verb);
        }
        long[] nanos = new long[count];
        AgentReply.Ok last = null;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            last = expectOk(agent.request(verb, fields), verb);
            nanos[i] = System.nanoTime() - start;
        }
        return new Timing(verb, nanos, wireBytes(verb, fields, last));
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
