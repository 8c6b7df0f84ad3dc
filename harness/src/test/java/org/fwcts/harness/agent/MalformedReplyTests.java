package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.harness.console.Transcript;
import org.fwcts.model.Registers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@DisplayName("An agent session given CRC-valid replies the protocol does not allow")
class MalformedReplyTests {

    private static AgentSession session(ScriptedAgent agent) throws InterruptedException {
        AgentSession session = new AgentSession(new LineChannel(agent, Transcript.inMemory()), Duration.ofSeconds(2));
        session.handshake(Duration.ofSeconds(5));
        return session;
    }

    @ParameterizedTest(name = "smc reply ''{0}''")
    @ValueSource(strings = {"", "0x1", "00ff", "1ffffffffffffffff", "ABC", "-1", "1 2 3 4 5 6 7 8 9 a b c d e f 10 11 12 13",
        "<svg/onload=alert(1)>"})
    @DisplayName("refuses as a protocol error, never as register values, and fails the session for good")
    void refusesMalformedRegisters(String fields) throws Exception {
        List<String> reply = new ArrayList<>(List.of("ok"));
        if (!fields.isEmpty()) {
            Collections.addAll(reply, fields.split(" "));
        }
        try (AgentSession session = session(ScriptedAgent.answering("smc", request -> reply))) {
            assertThatThrownBy(() -> session.smc(Registers.of(0x8400_0000L))).isInstanceOf(AgentProtocolException.class)
                    .hasMessageContaining("broke the protocol");
            assertThat(session.failedForGood()).isTrue();
            assertThat(session.failure()).get().asString().contains("broke the protocol");
        }
    }

    @Test
    @DisplayName("takes 1 to 18 well-formed registers as the call's result")
    void acceptsWellFormedRegisters() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc", request -> List.of("ok", "0", "ffffffffffffffff")))) {
            Observation observation = session.smc(Registers.of(0x8400_0000L));
            assertThat(observation).isEqualTo(new Observation.Completed(Registers.of(0, -1L)));
            assertThat(session.failure()).isEmpty();
        }
    }

    @Test
    @DisplayName("refuses an err reply whose code is not one word, and a fault reply without three numbers")
    void refusesMalformedErrAndFault() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc", request -> List.of("err", "<b>", "x")))) {
            assertThatThrownBy(() -> session.request("echo", List.of())).isInstanceOf(AgentProtocolException.class);
        }
        try (AgentSession session = session(ScriptedAgent.answering("smc", request -> List.of("fault", "96000045", "zz")))) {
            assertThatThrownBy(() -> session.smc(Registers.of(0))).isInstanceOf(AgentProtocolException.class);
        }
    }

    @ParameterizedTest(name = "chain reply ''{0}''")
    @ValueSource(strings = {"ok 1 / no / ok 2", "ok 1 / ok / ok 2 / ok / ok", "ok 1 / maybe", "ok 1 / / ok", "fault 96000045 0 0 / ok",
        "done 1"})
    @DisplayName("refuses a chain reply that goes on after a stop, has too many results or an unknown one, as a protocol error")
    void refusesMalformedChainReplies(String fields) throws Exception {
        List<String> reply = new ArrayList<>(List.of("ok"));
        Collections.addAll(reply, fields.split(" "));
        try (AgentSession session = session(ScriptedAgent.answering("smc,chain", request -> reply))) {
            AgentChain chain = new AgentChain().smc(Registers.of(1)).expect(0, 1, -1L).smc(Registers.of(2));
            assertThatThrownBy(() -> session.chain(chain)).isInstanceOf(AgentProtocolException.class)
                    .hasMessageContaining("broke the protocol");
            assertThat(session.failedForGood()).isTrue();
        }
    }

    @Test
    @DisplayName("takes a chain reply that stops at an expectation as the results of the operations that ran")
    void acceptsAChainThatStopped() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc,chain", request -> List.of("ok", "ok", "1", "/", "no")))) {
            List<AgentReply> results = session.chain(new AgentChain().smc(Registers.of(1)).expect(0, 2, -1L)
                    .smc(Registers.of(2)));
            assertThat(results).containsExactly(new AgentReply.Ok(List.of("1")));
            assertThat(session.failure()).isEmpty();
        }
    }

    @Test
    @DisplayName("refuses a banner that lists a capability twice, naming it")
    void refusesDuplicateCapabilities() throws Exception {
        try (AgentSession session = new AgentSession(new LineChannel(ScriptedAgent.answering("smc,hvc,smc", r -> List.of()),
                Transcript.inMemory()), Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> session.handshake(Duration.ofSeconds(5))).isInstanceOf(AgentProtocolException.class)
                    .hasMessageContaining("capability 'smc' listed twice");
        }
    }

    @Test
    @DisplayName("fails the session for good after three replies with sequence numbers it never sent, within the time-out")
    void refusesForeignSequenceNumbers() throws Exception {
        ScriptedAgent agent = new ScriptedAgent(request -> List.of("ok", "proto=1", "el=2", "caps=smc", "ver=test"));
        try (AgentSession session = new AgentSession(new LineChannel(new ForeignSequence(agent, 0x10000), Transcript.inMemory()),
                Duration.ofSeconds(2))) {
            session.handshake(Duration.ofSeconds(5));
            long start = System.nanoTime();
            Observation observation = session.smc(Registers.of(0));
            assertThat(observation).isInstanceOf(Observation.Indeterminate.class);
            assertThat(session.failedForGood()).isTrue();
            assertThat(session.failure()).get().asString().contains("sequence numbers this session never sent");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    @DisplayName("fails the session for good when the agent answers every attempt, never with the request's number")
    void refusesStaleSequenceNumbersForever() throws Exception {
        ScriptedAgent agent = new ScriptedAgent(request -> List.of("ok", "proto=1", "el=2", "caps=smc", "ver=test"));
        try (AgentSession session = new AgentSession(new LineChannel(new ForeignSequence(agent, -1), Transcript.inMemory()),
                Duration.ofSeconds(1))) {
            session.handshake(Duration.ofSeconds(5));
            assertThat(session.smc(Registers.of(0))).isInstanceOf(Observation.Indeterminate.class);
            assertThat(session.failedForGood()).isTrue();
            assertThat(session.failure()).get().asString().contains("never with the sequence number of the request");
        }
    }

    /** The scripted agent's replies after the handshake with their sequence number moved by {@code offset}. */
    private static final class ForeignSequence implements org.fwcts.harness.console.Console {
        private final ScriptedAgent agent;
        private final java.io.InputStream in;

        ForeignSequence(ScriptedAgent agent, long offset) {
            this.agent = agent;
            this.in = new java.io.InputStream() {
                private final java.io.BufferedReader lines = new java.io.BufferedReader(
                        new java.io.InputStreamReader(agent.input(), java.nio.charset.StandardCharsets.ISO_8859_1));
                private byte[] pending = new byte[0];
                private int next;
                private int replies;

                @Override
                public int read() throws java.io.IOException {
                    while (next >= pending.length) {
                        String line = lines.readLine();
                        if (line == null) {
                            return -1;
                        }
                        ProtocolLine reply = ProtocolLine.decode(line).orElseThrow();
                        // The handshake's reply goes through; every later one is moved.
                        if (reply.kind() == ProtocolLine.REPLY && ++replies > 1) {
                            reply = new ProtocolLine(reply.kind(), Long.toHexString(reply.sequence() + offset), reply.fields());
                        }
                        pending = (reply.encode() + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                        next = 0;
                    }
                    return pending[next++] & 0xFF;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                    int first = read();
                    if (first < 0) {
                        return -1;
                    }
                    buffer[offset] = (byte) first;
                    int rest = Math.min(length - 1, pending.length - next);
                    System.arraycopy(pending, next, buffer, offset + 1, rest);
                    next += rest;
                    return rest + 1;
                }
            };
        }

        @Override
        public String name() {
            return agent.name();
        }

        @Override
        public java.io.InputStream input() {
            return in;
        }

        @Override
        public java.io.OutputStream output() {
            return agent.output();
        }

        @Override
        public void close() {
            agent.close();
        }
    }
}
