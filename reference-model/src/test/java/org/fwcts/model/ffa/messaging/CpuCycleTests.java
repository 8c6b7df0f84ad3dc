package org.fwcts.model.ffa.messaging;

import static org.fwcts.model.ffa.PredictionAssert.BUSY;
import static org.fwcts.model.ffa.PredictionAssert.DENIED;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.messaging.ForwardAssert.assertForwardedTo;
import static org.fwcts.model.ffa.messaging.ForwardAssert.assertRefused;
import static org.fwcts.model.ffa.messaging.ForwardAssert.assertSees;
import static org.fwcts.model.ffa.messaging.ForwardAssert.assertUndefined;
import static org.fwcts.model.ffa.messaging.MessagingWalk.NWD;
import static org.fwcts.model.ffa.messaging.MessagingWalk.SP1;

import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.prediction.Prediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FFA_MSG_WAIT, FFA_RUN, FFA_YIELD and FFA_INTERRUPT (DEN0077A "CPU cycle management", "Partition
 * runtime models"), as the endpoint that makes the call and the one that runs next see them.
 */
@DisplayName("CPU cycles")
class CpuCycleTests {
    private static final long INTERRUPT = FfaFunction.FFA_INTERRUPT.x0();
    private static final long MSG_WAIT = FfaFunction.FFA_MSG_WAIT.x0();
    private static final long YIELD = FfaFunction.FFA_YIELD.x0();
    private static final long RUN = FfaFunction.FFA_RUN.x0();
    private static final long REQ_64 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64();
    private static final long RESP_64 = FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0Smc64();

    @Nested
    @DisplayName("FFA_RUN from the normal world")
    class Run {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
        @DisplayName("runs a waiting partition, which sees FFA_RUN; its FFA_MSG_WAIT gives the cycles back, and the"
                + " normal world sees FFA_MSG_WAIT")
        void runThenWait(String profile) {
            MessagingWalk walk = MessagingWalk.at(profile);
            Prediction partition = assertForwardedTo(walk.call(NWD, RUN, 0x8001_0000L), SP1);
            assertSees(partition, 0, FfaFunction.FFA_RUN.x0());
            assertRefused(walk.call(NWD, RUN, 0x8001_0000L), BUSY);
            assertRefused(walk.call(NWD, REQ_64, 0x8001), BUSY);
            assertRefused(walk.call(SP1, RESP_64, 0x8001_0000L), DENIED);

            Prediction scheduler = assertForwardedTo(walk.call(SP1, MSG_WAIT), NWD);
            assertSees(scheduler, 0, FfaFunction.FFA_MSG_WAIT.x0());
            assertUndefined(scheduler, 1);
            assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
        }

        @ParameterizedTest(name = "{0}: w1 = 0x{1} ({2})")
        @CsvSource({"tfa-el3-spmc, 80090000, an unknown partition", "hafnium, 80090000, an unknown partition",
                "tfa-el3-spmc, 80010001, vCPU 1 from the primary core",
                "hafnium, 80010001, vCPU 1 from the primary core",
                "tfa-el3-spmc, 00050000, a normal-world endpoint", "hafnium, 00050000, a normal-world endpoint"})
        @DisplayName("an unknown target, a normal-world target or another vCPU: INVALID_PARAMETERS")
        void badTargets(String profile, String w1, String why) {
            assertRefused(MessagingWalk.at(profile).call(NWD, RUN, Long.parseLong(w1, 16)), INVALID_PARAMETERS);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
        @DisplayName("a partition running a direct request is BUSY")
        void duringRequest(String profile) {
            MessagingWalk walk = MessagingWalk.at(profile);
            assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
            assertRefused(walk.call(NWD, RUN, 0x8001_0000L), BUSY);
        }

        @Test
        @DisplayName("OP-TEE provides no FFA_RUN: NOT_SUPPORTED")
        void opteeHasNoRun() {
            assertRefused(MessagingWalk.at("optee").call(NWD, RUN, 0x8001_0000L), NOT_SUPPORTED);
        }
    }

    @Nested
    @DisplayName("FFA_MSG_WAIT")
    class MsgWait {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium", "optee"})
        @DisplayName("is a partition's call: from the normal world NOT_SUPPORTED")
        void fromNormalWorld(String profile) {
            assertRefused(MessagingWalk.at(profile).call(NWD, MSG_WAIT), NOT_SUPPORTED);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
        @DisplayName("a partition handling a direct request must answer it: DENIED")
        void inRequest(String profile) {
            MessagingWalk walk = MessagingWalk.at(profile);
            assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
            assertRefused(walk.call(SP1, MSG_WAIT), DENIED);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
        @DisplayName("a partition that is not running cannot wait: DENIED")
        void notRunning(String profile) {
            assertRefused(MessagingWalk.at(profile).call(SP1, MSG_WAIT), DENIED);
        }
    }

    @Nested
    @DisplayName("FFA_YIELD at Hafnium")
    class Yield {
        private final MessagingWalk walk = MessagingWalk.at("hafnium");

        @Test
        @DisplayName("in a direct request: the requester sees FFA_YIELD, w1 = ID << 16 | vCPU, w2/w3 the timeout;"
                + " FFA_RUN resumes the partition with FFA_SUCCESS")
        void yieldInRequest() {
            assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
            Prediction requester = assertForwardedTo(walk.call(SP1, YIELD, 0, 0x10, 0x20), NWD);
            assertSees(requester, 0, FfaFunction.FFA_YIELD.x0(), 1, 0x8001_0000L, 2, 0x10, 3, 0x20);
            assertRefused(walk.call(NWD, REQ_64, 0x8001), BUSY);
            assertRefused(walk.call(SP1, RESP_64, 0x8001_0000L), DENIED);

            assertSees(assertForwardedTo(walk.call(NWD, RUN, 0x8001_0000L), SP1), 0, FfaFunction.FFA_SUCCESS.x0());
            assertForwardedTo(walk.call(SP1, RESP_64, 0x8001_0000L), NWD);
        }

        @Test
        @DisplayName("with cycles from FFA_RUN: the scheduler sees FFA_YIELD")
        void yieldInRun() {
            assertForwardedTo(walk.call(NWD, RUN, 0x8001_0000L), SP1);
            assertSees(assertForwardedTo(walk.call(SP1, YIELD), NWD), 0, FfaFunction.FFA_YIELD.x0(), 1, 0x8001_0000L);
            assertSees(assertForwardedTo(walk.call(NWD, RUN, 0x8001_0000L), SP1), 0, FfaFunction.FFA_SUCCESS.x0());
            assertForwardedTo(walk.call(SP1, MSG_WAIT), NWD);
        }

        @Test
        @DisplayName("from the normal world NOT_SUPPORTED, from a waiting partition DENIED, x4-x7 not zero"
                + " INVALID_PARAMETERS")
        void misuse() {
            assertRefused(walk.call(NWD, YIELD), NOT_SUPPORTED);
            assertRefused(walk.call(SP1, YIELD), DENIED);
            assertRefused(walk.call(SP1, YIELD, 0, 0, 0, 1), INVALID_PARAMETERS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tfa-el3-spmc", "hafnium", "optee"})
    @DisplayName("FFA_INTERRUPT is not a normal-world call: NOT_SUPPORTED; FFA_YIELD neither")
    void interruptFromNormalWorld(String profile) {
        MessagingWalk walk = MessagingWalk.at(profile);
        assertRefused(walk.call(NWD, INTERRUPT), NOT_SUPPORTED);
        assertRefused(walk.call(NWD, YIELD), NOT_SUPPORTED);
    }
}
