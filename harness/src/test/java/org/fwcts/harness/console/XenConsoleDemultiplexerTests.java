package org.fwcts.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.faults.FaultInjectingConsole;
import org.fwcts.harness.faults.FaultSchedule;
import org.fwcts.model.Registers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three guests' agents on one (stand-in) Xen console, Xen's log lines cutting into their lines and
 * the fault-injecting console damaging each guest's lines at the rates the fault self-tests use:
 * every call either returns what that guest computes or is reported unknown, never another
 * guest's answer or a damaged one.
 */
@DisplayName("The Xen console demultiplexer")
class XenConsoleDemultiplexerTests {
    private static final int GUESTS = 3;
    private static final int CALLS = 45;
    private static final long SEED = 0x5EED;

    @ParameterizedTest(name = "at a fault rate of {0}")
    @ValueSource(doubles = {0.0, 0.01, 0.05, 0.20})
    @DisplayName("gives each guest's agent its own answers, whatever Xen and the line damage interleave")
    void noWrongAnswerUnderInterleavingAndFaults(double rate) throws Exception {
        FakeXenUart uart = new FakeXenUart(GUESTS, SEED, 0.05, 20_000);
        Transcript transcript = Transcript.inMemory();
        try (XenConsoleDemultiplexer demux = new XenConsoleDemultiplexer(uart, transcript,
                new InputPacing(8, Duration.ofMillis(1)), Duration.ofSeconds(2), GUESTS)) {
            List<AgentSession> agents = new ArrayList<>();
            for (int domain = 1; domain <= GUESTS; domain++) {
                Console guest = demux.guestConsole(XenConsoleDemultiplexer.tag(domain));
                Console damaged = rate == 0 ? guest : new FaultInjectingConsole(guest, new FaultSchedule(rate, SEED + domain));
                AgentSession agent = new AgentSession(new LineChannel(damaged, transcript), Duration.ofMillis(500));
                agent.handshake(Duration.ofSeconds(20));
                agents.add(agent);
            }
            Random random = new Random(SEED);
            int right = 0;
            int unknown = 0;
            List<String> wrong = new ArrayList<>();
            for (int call = 0; call < CALLS; call++) {
                int domain = 1 + call % GUESTS;
                long x0 = random.nextLong() & 0xFFFF_FFFFL;
                Observation seen = agents.get(domain - 1).smc(Registers.of(x0));
                long expected = x0 ^ ((long) domain << 40);
                if (seen instanceof Observation.Completed done && done.registers().x(0) == expected) {
                    right++;
                } else if (seen instanceof Observation.Indeterminate) {
                    unknown++;
                } else {
                    wrong.add("DOM" + domain + " " + Long.toHexString(x0) + ": " + seen);
                }
            }
            System.out.printf("xen demux at fault rate %.2f: %d right, %d unknown, %d wrong of %d calls;"
                    + " input dropped by Xen: %d%n", rate, right, unknown, wrong.size(), CALLS,
                    demux.inputDropped(1) + demux.inputDropped(2) + demux.inputDropped(3));
            assertThat(wrong).isEmpty();
            assertThat(right).isGreaterThanOrEqualTo(CALLS * 9 / 10);
            assertThat(demux.agents()).contains("DOM1", "DOM2", "DOM3");
            assertThat(demux.hypervisorLines()).contains("Using TEE mediator for FF-A");
        }
    }

    @ParameterizedTest(name = "acknowledging: {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("paces input in the guest's time when its agent acknowledges: a guest that stalls loses nothing")
    void acknowledgedInputSurvivesStalls(boolean acknowledging) throws Exception {
        // A guest that stops taking input for 40 ms after every 24 bytes, as one whose QEMU is
        // descheduled; the clock's 8 bytes per millisecond then overruns its 32-byte buffer.
        FakeXenUart uart = new FakeXenUart(1, SEED, 0.0, 0).guestsAcknowledging(acknowledging, 24, 40);
        Transcript transcript = Transcript.inMemory();
        try (XenConsoleDemultiplexer demux = new XenConsoleDemultiplexer(uart, transcript,
                new InputPacing(8, Duration.ofMillis(1)), Duration.ofSeconds(2), 1)) {
            AgentSession agent = new AgentSession(new LineChannel(demux.guestConsole("DOM1"), transcript),
                    Duration.ofSeconds(3));
            agent.handshake(Duration.ofSeconds(20));
            int right = 0;
            for (int call = 0; call < 6; call++) {
                long x0 = 0xC400_0000L + call;
                Observation seen = agent.smc(Registers.of(x0, -1L, -2L, -3L));
                right += seen instanceof Observation.Completed done && done.registers().x(0) == (x0 ^ (1L << 40)) ? 1 : 0;
            }
            System.out.printf("stalling guest, acknowledging %s: %d of 6 right, %d drops, %d retransmissions,"
                    + " %d late acknowledgements%n", acknowledging, right, demux.inputDropped(1), agent.retransmissions(),
                    demux.ackTimeouts());
            assertThat(demux.acknowledges(1)).isEqualTo(acknowledging);
            if (acknowledging) {
                assertThat(demux.inputDropped(1)).as("input Xen dropped").isZero();
                assertThat(right).isEqualTo(6);
            } else {
                assertThat(demux.inputDropped(1)).as("the stall overruns the clock's pacing").isPositive();
            }
        }
    }
}
