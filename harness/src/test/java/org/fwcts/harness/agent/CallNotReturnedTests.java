package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.harness.console.Transcript;
import org.fwcts.model.Registers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An agent session whose agent marks each call it makes (callmark)")
class CallNotReturnedTests {
    private static final Registers SPM_ID_GET = Registers.of(0x8400_0085L);

    private static AgentSession session(ScriptedAgent agent) throws InterruptedException {
        AgentSession session = new AgentSession(new LineChannel(agent, Transcript.inMemory()), Duration.ofSeconds(1));
        session.handshake(Duration.ofSeconds(10));
        return session;
    }

    @Test
    @DisplayName("reports a call whose marker came and whose reply never did as not returned, and the target as failed")
    void markerWithoutReplyIsNotReturned() throws Exception {
        try (AgentSession session = session(ScriptedAgent.answering("smc,callmark",
                request -> request.fields().get(0).equals("smc") ? ScriptedAgent.STUCK_IN_CALL : List.of("ok")))) {
            Observation observation = session.smc(SPM_ID_GET);
            assertThat(observation).isInstanceOf(Observation.NotReturned.class);
            // Every attempt was made (a lost reply would have come back for one) and waited out.
            assertThat(((Observation.NotReturned) observation).waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
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
