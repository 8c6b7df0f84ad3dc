package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.harness.console.Transcript;
import org.fwcts.model.Registers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An agent session whose agent marks each call it makes (callmark)")
class CallNotReturnedTests {
    private static final Registers SPM_ID_GET = Registers.of(0x8400_0085L);

    private static AgentSession session(ScriptedAgent agent) throws InterruptedException {
        return session(agent, Duration.ofSeconds(1));
    }

    private static AgentSession session(ScriptedAgent agent, Duration commandTimeout) throws InterruptedException {
        AgentSession session = new AgentSession(new LineChannel(agent, Transcript.inMemory()), commandTimeout);
        session.handshake(Duration.ofSeconds(10));
        return session;
    }

    @Test
    @DisplayName("reports a call whose marker came and whose reply never did as not returned, and the target as failed")
    void markerWithoutReplyIsNotReturned() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc,callmark",
                request -> request.fields().get(0).equals("smc") ? ScriptedAgent.STUCK_IN_CALL : List.of("ok")),
                Duration.ofSeconds(2))) {
            Observation observation = session.smc(SPM_ID_GET);
            assertThat(observation).isInstanceOf(Observation.NotReturned.class);
            // Every attempt was made (a lost reply would have come back for one) and waited out: the
            // first for the request's time (2 s), the two after the marker for a round trip (1 s each).
            assertThat(((Observation.NotReturned) observation).waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(4))
                    .isLessThan(Duration.ofMillis(5_500));
            assertThat(session.retransmissions()).isEqualTo(2);
            assertThat(session.failure()).get().asString().contains("did not return");
            assertThat(session.failedForGood()).isFalse();
        }
    }

    @Test
    @DisplayName("takes the markers out of the output: a call that returns is read as usual")
    void markerBeforeReplyIsTakenOut() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc,callmark", request -> List.of("ok", "84000061")))) {
            assertThat(session.smc(SPM_ID_GET)).isEqualTo(new Observation.Completed(Registers.of(0x8400_0061L)));
            assertThat(session.failure()).isEmpty();
        }
    }

    @Test
    @DisplayName("keeps an agent that goes silent without a marker (it stopped, not the firmware) a target failure without a verdict")
    void silenceWithoutMarkerIsNoVerdict() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc,callmark",
                request -> request.fields().get(0).equals("hang") ? ScriptedAgent.SILENT : List.of("ok")))) {
            AgentReply reply = session.request("hang", List.of());
            assertThat(reply).isInstanceOf(AgentReply.NoReply.class);
            assertThat(session.observation(reply)).isInstanceOf(Observation.Indeterminate.class);
            assertThat(session.retransmissions()).isEqualTo(2);
            assertThat(session.failure()).get().asString().doesNotContain("did not return");
        }
    }

    @Test
    @DisplayName("ends the wait for a call as soon as the firmware reports a crash on the agent's console")
    void crashOnTheAgentsConsole() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc,callmark", request -> request.fields().get(0)
                .equals("smc") ? ScriptedAgent.stuckInCallPrinting("ASSERT: spmc_main.c:1315", "PANIC at PC : 0x0e0976c0")
                : List.of("ok")))) {
            Observation observation = session.smc(SPM_ID_GET);
            assertThat(observation).isInstanceOfSatisfying(Observation.NotReturned.class, notReturned -> {
                assertThat(notReturned.cause())
                        .contains("the firmware crashed, reporting 'ASSERT: spmc_main.c:1315' on console 'agent'");
                // Not one retransmission: the first attempt's deadline (1 s) was not waited out.
                assertThat(notReturned.waited()).isLessThan(Duration.ofSeconds(1));
                assertThat(notReturned.describe()).contains("did not return: the firmware crashed", "ASSERT: spmc_main.c:1315");
            });
            assertThat(session.retransmissions()).isZero();
            assertThat(session.failure()).get().asString().contains("did not return", "ASSERT");
        }
    }

    @Test
    @DisplayName("ends the wait for a call as soon as the partition agent it waits on says it stopped")
    void partitionStoppedInTheCall() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc,callmark", request -> request.fields().get(0)
                .equals("smc") ? ScriptedAgent.stuckInCallPrinting("fwcts-sp-agent: stopped, 16 entries that were not"
                        + " direct requests (last x0=0x84000061)") : List.of("ok")))) {
            Observation observation = session.smc(SPM_ID_GET);
            assertThat(observation).isInstanceOfSatisfying(Observation.NotReturned.class, notReturned -> {
                assertThat(notReturned.cause()).contains("the partition agent it waited on stopped: stopped, 16 entries"
                        + " that were not direct requests (last x0=0x84000061)");
                assertThat(notReturned.waited()).isLessThan(Duration.ofSeconds(1));
            });
            assertThat(session.failure()).get().asString().contains("did not return", "partition agent");
        }
    }

    @Test
    @DisplayName("ends the wait for a call as soon as a cause is learnt elsewhere: a crash on another console, Xen's report")
    void crashOnAnotherConsole() throws Exception {
        AtomicReference<Optional<String>> elsewhere = new AtomicReference<>(Optional.empty());
        ScriptedAgent agent = ScriptedAgent.answering("smc,callmark", request -> {
            if (!request.fields().get(0).equals("smc")) {
                return List.of("ok");
            }
            elsewhere.set(Optional.of("the firmware crashed, reporting 'PANIC at PC : 0x0e0976c0' on console 'firmware'"));
            return ScriptedAgent.STUCK_IN_CALL;
        });
        try (AgentSession session = new AgentSession(new LineChannel(agent, Transcript.inMemory()), Duration.ofSeconds(5),
                elsewhere::get)) {
            session.handshake(Duration.ofSeconds(10));
            Observation observation = session.smc(SPM_ID_GET);
            assertThat(observation).isInstanceOfSatisfying(Observation.NotReturned.class, notReturned -> {
                assertThat(notReturned.cause())
                        .contains("the firmware crashed, reporting 'PANIC at PC : 0x0e0976c0' on console 'firmware'");
                assertThat(notReturned.waited()).isLessThan(Duration.ofSeconds(5));
            });
        }
    }

    @Test
    @DisplayName("gives up greeting an agent whose firmware crashed while booting, saying so, without waiting out the boot")
    void crashWhileBooting() throws Exception {
        java.io.PipedOutputStream firmware = new java.io.PipedOutputStream();
        java.io.PipedInputStream console = new java.io.PipedInputStream(firmware, 4096);
        firmware.write("NOTICE:  BL31: v2.15.0\r\nPANIC at PC : 0x0e0976c0\r\n".getBytes(StandardCharsets.ISO_8859_1));
        firmware.flush();
        try (AgentSession session = new AgentSession(new LineChannel(
                org.fwcts.harness.console.Consoles.open(new org.fwcts.targets.ConsoleEndpoint.ProcessStdio("agent", console,
                        OutputStream.nullOutputStream()), Duration.ofSeconds(1)),
                Transcript.inMemory()), Duration.ofSeconds(1))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> session.handshake(Duration.ofSeconds(30))).isInstanceOf(AgentProtocolException.class)
                    .hasMessageContaining("the firmware crashed, reporting 'PANIC at PC : 0x0e0976c0' on console 'agent' (while booting)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            firmware.close();
        }
    }

    @Test
    @DisplayName("names the call of a chain line that did not return, after the writes before it")
    void chainNamesTheCall() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc,chain,callmark",
                request -> request.fields().get(0).equals("chain") ? ScriptedAgent.STUCK_IN_CALL : List.of("ok")))) {
            AgentChain chain = new AgentChain().write(0x7000_0000L, new byte[] {1, 2});
            chain.smc(SPM_ID_GET);
            chain.read(0x7000_1000L, 16);
            List<AgentReply> results = session.chain(chain);
            assertThat(results).hasSize(2);
            assertThat(results.get(0)).isEqualTo(new AgentReply.Ok(List.of()));
            assertThat(results.get(1)).isInstanceOfSatisfying(AgentReply.NotReturned.class,
                    notReturned -> assertThat(notReturned.call()).isEqualTo(1));
        }
    }
}
