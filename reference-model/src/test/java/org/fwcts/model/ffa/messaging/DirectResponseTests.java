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
import static org.fwcts.model.ffa.messaging.MessagingWalk.SP2;

import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.prediction.Prediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FFA_MSG_SEND_DIRECT_RESP and FFA_MSG_SEND_DIRECT_RESP2 (DEN0077A "Direct messaging"; ffa-abi.md §8). */
@DisplayName("Direct responses")
class DirectResponseTests {
    private static final long REQ_32 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0();
    private static final long REQ_64 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64();
    private static final long REQ2 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ2.x0Smc64();
    private static final long RESP_32 = FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0();
    private static final long RESP_64 = FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0Smc64();
    private static final long RESP2 = FfaFunction.FFA_MSG_SEND_DIRECT_RESP2.x0Smc64();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
    @DisplayName("NWd DIRECT_REQ → SP sees the request → SP DIRECT_RESP → NWd sees the response"
            + " → SP waits again")
    void requestResponseWalk(String profile) {
        MessagingWalk walk = MessagingWalk.at(profile);
        Prediction request = assertForwardedTo(walk.call(NWD, REQ_64, 0x0000_8001L, 0, 0x11, 0x22, 0x33, 0x44, 0x55),
                SP1);
        assertSees(request, 0, FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64(), 1, 0x0000_8001L, 3, 0x11, 4, 0x22, 5, 0x33, 6, 0x44, 7, 0x55);
        assertRefused(walk.call(NWD, REQ_64, 0x0000_8001L), BUSY);

        Prediction response = assertForwardedTo(walk.call(SP1, RESP_64, 0x8001_0000L, 0, 0xA1, 0xA2, 0xA3, 0xA4,
                0xA5), NWD);
        assertSees(response, 0, FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0Smc64(), 1, 0x8001_0000L, 2, 0, 3, 0xA1, 4, 0xA2, 5, 0xA3, 6, 0xA4, 7, 0xA5);
        assertUndefined(response, 8);

        assertRefused(walk.call(SP1, RESP_64, 0x8001_0000L), DENIED);
        assertForwardedTo(walk.call(NWD, REQ_32, 0x0000_8001L), SP1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
    @DisplayName("DIRECT_RESP_32 returns w1-w7, low 32 bits, whatever the request's width")
    void smc32Response(String profile) {
        MessagingWalk walk = MessagingWalk.at(profile);
        assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
        Prediction sees = assertForwardedTo(walk.call(SP1, RESP_32, 0x8001_0000L, 0, 0xFFFF_0000_0000_0003L), NWD);
        assertSees(sees, 0, FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0(), 1, 0x8001_0000L, 3, 3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
    @DisplayName("DIRECT_REQ2 is answered with DIRECT_RESP2, whose x4-x17 reach the requester")
    void req2Walk(String profile) {
        MessagingWalk walk = MessagingWalk.at(profile);
        assertForwardedTo(walk.call(NWD, REQ2, 0x8001), SP1);
        assertRefused(walk.call(SP1, RESP_64, 0x8001_0000L), DENIED);
        long[] response = new long[18];
        response[0] = RESP2;
        response[1] = 0x8001_0000L;
        for (int i = 4; i < 18; i++) {
            response[i] = 0xF000_0000_0000_0000L | i;
        }
        Prediction sees = assertForwardedTo(walk.call(SP1, response), NWD);
        assertSees(sees, 0, FfaFunction.FFA_MSG_SEND_DIRECT_RESP2.x0Smc64(), 1, 0x8001_0000L, 2, 0, 3, 0);
        for (int i = 4; i < 18; i++) {
            assertSees(sees, i, 0xF000_0000_0000_0000L | i);
        }
    }

    @Nested
    @DisplayName("while the partition handles a direct request from the normal world")
    class AfterRequest {

        @ParameterizedTest(name = "{0}: {1} with w1 = 0x{2}, w2 = {3}: {4}")
        @CsvSource({
            "tfa-el3-spmc, RESP2, 80010000, 0, the other kind of response (DENIED)",
            "hafnium, RESP2, 80010000, 0, the other kind of response (DENIED)",
            "tfa-el3-spmc, RESP, 80018002, 0, a destination other than the origin (DENIED)",
            "hafnium, RESP, 80018002, 0, a destination other than the origin (DENIED)",
            "tfa-el3-spmc, RESP, 80020000, 0, a sender field that is not the caller (INVALID_PARAMETERS)",
            "hafnium, RESP, 80020000, 0, a sender field that is not the caller (INVALID_PARAMETERS)",
            "tfa-el3-spmc, RESP, 80010000, 1, w2 not zero (INVALID_PARAMETERS)",
            "hafnium, RESP, 80010000, 1, w2 not zero (INVALID_PARAMETERS)"})
        @DisplayName("a response must match the request's kind, origin, sender and w2")
        void mismatches(String profile, String function, String w1, long w2, String why) {
            MessagingWalk walk = MessagingWalk.at(profile);
            assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
            long code = why.endsWith("(DENIED)") ? DENIED : INVALID_PARAMETERS;
            assertRefused(walk.call(SP1, function.equals("RESP") ? RESP_64 : RESP2, Long.parseLong(w1, 16), w2), code);
            assertForwardedTo(walk.call(SP1, RESP_64, 0x8001_0000L), NWD);
        }
    }

    @Nested
    @DisplayName("without a request to answer")
    class WithoutRequest {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
        @DisplayName("a waiting partition's response is DENIED")
        void waiting(String profile) {
            assertRefused(MessagingWalk.at(profile).call(SP1, RESP_32, 0x8001_0000L), DENIED);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"hafnium", "optee"})
        @DisplayName("the normal world is not provided DIRECT_RESP: NOT_SUPPORTED")
        void fromNormalWorld(String profile) {
            assertRefused(MessagingWalk.at(profile).call(NWD, RESP_32, 0x0000_8001L), NOT_SUPPORTED);
        }

        @Test
        @DisplayName("TF-A dispatches a normal-world DIRECT_RESP to its handler: INVALID_PARAMETERS")
        void fromNormalWorldAtTfa() {
            assertRefused(MessagingWalk.at("tfa-el3-spmc").call(NWD, RESP_32, 0x0000_8001L), INVALID_PARAMETERS);
        }
    }

    @Test
    @DisplayName("Hafnium: a partition's request to another partition blocks it until the response comes back")
    void callChain() {
        MessagingWalk walk = MessagingWalk.at("hafnium");
        assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
        Prediction inner = assertForwardedTo(walk.call(SP1, REQ_64, 0x8001_8002L, 0, 7), SP2);
        assertSees(inner, 0, FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64(), 1, 0x8001_8002L, 3, 7);
        assertRefused(walk.call(SP1, RESP_64, 0x8001_0000L), DENIED);
        assertSees(assertForwardedTo(walk.call(SP2, RESP_64, 0x8002_8001L, 0, 8), SP1), 1, 0x8002_8001L, 3, 8);
        assertForwardedTo(walk.call(SP1, RESP_64, 0x8001_0000L), NWD);
        assertForwardedTo(walk.call(NWD, REQ_64, 0x8002), SP2);
    }
}
