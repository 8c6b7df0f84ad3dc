package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fwcts.harness.console.Consoles;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.harness.console.Transcript;
import org.fwcts.targets.ConsoleEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The handshake with an agent")
class AgentHandshakeTests {
    private static final String V1_FIELDS = "el=2 caps=smc,hvc,mem,exec,hash,echo ver=1.0";
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> hellos = new ArrayList<>();

    /**
     * A stand-in agent on in-memory pipes that answers {@code hello V} for the versions in
     * {@code speaks} with {@code fields(V)}, {@code err proto} for others, and echoes {@code echo}.
     */
    private AgentSession connect(Set<Integer> speaks, java.util.function.IntFunction<String> fields) throws IOException {
        PipedOutputStream toAgent = new PipedOutputStream();
        PipedInputStream agentIn = new PipedInputStream(toAgent, 1 << 16);
        PipedInputStream fromAgent = new PipedInputStream(1 << 16);
        PipedOutputStream agentOut = new PipedOutputStream(fromAgent);
        Thread agent = new Thread(() -> serve(agentIn, agentOut, speaks, fields), "stand-in-agent");
        agent.setDaemon(true);
        agent.start();
        LineChannel channel = new LineChannel(Consoles.open(new ConsoleEndpoint.ProcessStdio("agent", fromAgent, toAgent),
                Duration.ofSeconds(2)), Transcript.inMemory());
        open.add(channel);
        return new AgentSession(channel, Duration.ofSeconds(2));
    }

    private void serve(PipedInputStream in, OutputStream out, Set<Integer> speaks,
            java.util.function.IntFunction<String> fields) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            // The boot banner in the newest version it speaks, as a real agent announces itself.
            int newest = speaks.stream().max(Integer::compare).orElseThrow();
            if (newest <= AgentSession.PROTOCOL_VERSION) {
                out.write((new ProtocolLine(ProtocolLine.EVENT, "fwcts-agent", List.of(fields.apply(newest).split(" ")))
                        .encode() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            for (String line; (line = reader.readLine()) != null; ) {
                Optional<ProtocolLine> request = ProtocolLine.decode(line.strip());
                if (request.isEmpty()) {
                    continue;
                }
                List<String> args = request.get().fields();
                List<String> reply = new ArrayList<>();
                if (args.get(0).equals("hello")) {
                    int version = Integer.parseInt(args.get(1));
                    synchronized (hellos) {
                        hellos.add(args.get(1));
                    }
                    if (speaks.contains(version)) {
                        reply.add("ok");
                        reply.addAll(List.of(fields.apply(version).split(" ")));
                    } else {
                        reply.addAll(List.of("err", "proto"));
                    }
                } else {
                    reply.add("ok");
                    reply.addAll(args.subList(1, args.size()));
                }
                out.write((new ProtocolLine(ProtocolLine.REPLY, request.get().head(), reply).encode() + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // The harness closed the console.
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    @DisplayName("with a version 2 agent: asks for 2 and learns which agent it is")
    void version2() throws Exception {
        AgentSession session = connect(Set.of(1, 2), v -> "proto=" + v + " " + V1_FIELDS + (v == 2 ? " agent=host ep=0" : ""));
        AgentInfo info = session.handshake(Duration.ofSeconds(5));
        assertThat(info.protocol()).isEqualTo(2);
        assertThat(info.identity()).isEqualTo(new AgentIdentity(AgentIdentity.Role.HOST, 0));
        assertThat(hellos).containsExactly("2");
        assertThat(session.request("echo", List.of("a"))).isEqualTo(new AgentReply.Ok(List.of("a")));
    }

    @Test
    @DisplayName("with an agent built for version 1: falls back to 1 and drives it as before")
    void version1Agent() throws Exception {
        AgentSession session = connect(Set.of(1), v -> "proto=1 " + V1_FIELDS);
        AgentInfo info = session.handshake(Duration.ofSeconds(5));
        assertThat(info.protocol()).isEqualTo(1);
        assertThat(info.identity()).isEqualTo(AgentIdentity.VERSION_1);
        assertThat(hellos).containsExactly("2", "1");
        assertThat(session.request("echo", List.of("b"))).isEqualTo(new AgentReply.Ok(List.of("b")));
    }

    @Test
    @DisplayName("with an agent that speaks neither: a protocol error naming the versions")
    void noCommonVersion() throws Exception {
        AgentSession session = connect(Set.of(3), v -> "proto=3 " + V1_FIELDS);
        assertThatThrownBy(() -> session.handshake(Duration.ofSeconds(5))).isInstanceOf(AgentProtocolException.class)
                .hasMessage("the agent speaks none of protocol versions 1 to 2");
    }

    @Test
    @DisplayName("with a version 2 agent that leaves out its identity: a protocol error")
    void version2WithoutIdentity() throws Exception {
        AgentSession session = connect(Set.of(2), v -> "proto=2 " + V1_FIELDS);
        assertThatThrownBy(() -> session.handshake(Duration.ofSeconds(5))).isInstanceOf(AgentProtocolException.class)
                .hasMessageContaining("protocol 2 needs agent= and ep=");
    }
}
