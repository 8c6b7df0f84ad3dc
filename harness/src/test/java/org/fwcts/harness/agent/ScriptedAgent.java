package org.fwcts.harness.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.fwcts.harness.console.Console;

/**
 * A stand-in agent in memory, not an agent: a {@link Console} whose other end answers each
 * request line with what {@code answer} returns for it (fields after the sequence number), so a
 * test can script a reply the real agent would never send.
 */
final class ScriptedAgent implements Console {
    private final PipedInputStream fromAgent = new PipedInputStream(1 << 16);
    private final PipedOutputStream agentOut;
    private final PipedOutputStream toAgent = new PipedOutputStream();
    private final Thread responder;
    /** An answer that makes the agent write its call marker and then nothing: it is inside a call that never returns. */
    static final List<String> STUCK_IN_CALL = List.of("\u0005");
    /** An answer like {@link #STUCK_IN_CALL} after which the firmware prints {@code lines} on the agent's console. */
    static List<String> stuckInCallPrinting(String... lines) {
        java.util.List<String> answer = new java.util.ArrayList<>(STUCK_IN_CALL);
        answer.addAll(List.of(lines));
        return answer;
    }

    /** An answer that makes the agent write nothing at all, as one that stopped by itself. */
    static final List<String> SILENT = List.of();

    ScriptedAgent(Function<ProtocolLine, List<String>> answer) throws IOException {
        agentOut = new PipedOutputStream(fromAgent);
        PipedInputStream agentIn = new PipedInputStream(toAgent, 1 << 16);
        // The boot banner, so that the handshake need not wait for it.
        String banner = new ProtocolLine(ProtocolLine.EVENT, "fwcts-agent", List.of("proto=1", "el=2", "caps=smc", "ver=test")).encode();
        agentOut.write((banner + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        responder = new Thread(() -> respond(agentIn, answer), "scripted-agent");
        responder.setDaemon(true);
        responder.start();
    }

    /** Replies {@code ok} with the banner's facts to {@code hello}, and as {@code answer} says to anything else. */
    static ScriptedAgent answering(String caps, Function<ProtocolLine, List<String>> answer) throws IOException {
        return new ScriptedAgent(request -> request.fields().get(0).equals("hello")
                ? List.of("ok", "proto=1", "el=2", "caps=" + caps, "ver=test") : answer.apply(request));
    }

    private void respond(InputStream in, Function<ProtocolLine, List<String>> answer) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            boolean stuck = false;
            for (String line; (line = lines.readLine()) != null; ) {
                if (stuck) {
                    continue; // inside the call, the agent reads nothing more
                }
                ProtocolLine request = ProtocolLine.decode(line).orElseThrow();
                List<String> fields = answer.apply(request);
                if (!fields.isEmpty() && fields.get(0).equals(STUCK_IN_CALL.get(0))) {
                    agentOut.write(org.fwcts.harness.console.LineChannel.CALL_MARK);
                    for (String firmwareLine : fields.subList(1, fields.size())) {
                        agentOut.write((firmwareLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    stuck = true;
                } else if (fields != SILENT) {
                    String reply = new ProtocolLine(ProtocolLine.REPLY, request.head(), fields).encode();
                    agentOut.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                agentOut.flush();
            }
        } catch (IOException e) {
            // The session closed its end.
        }
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public InputStream input() {
        return fromAgent;
    }

    @Override
    public OutputStream output() {
        return toAgent;
    }

    @Override
    public void close() {
        try {
            toAgent.close();
            agentOut.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
