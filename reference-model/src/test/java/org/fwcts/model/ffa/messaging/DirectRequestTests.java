package org.fwcts.model.ffa.messaging;

import static org.assertj.core.api.Assertions.assertThat;
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
import static org.fwcts.model.ffa.messaging.MessagingWalk.V1_1;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.prediction.Prediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FFA_MSG_SEND_DIRECT_REQ and FFA_MSG_SEND_DIRECT_REQ2 (DEN0077A "Direct messaging"; ffa-abi.md §8). */
@DisplayName("Direct requests")
class DirectRequestTests {
    private static final long REQ_32 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0();
    private static final long REQ_64 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64();
    private static final long REQ2 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ2.x0Smc64();
    private static final long RESP_64 = FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0Smc64();
    /** SP1's UUID 3f2f9d6a-8c41-4b7e-9a35-0d1c2b4e6f70 as x2 = w1 | w2 << 32, x3 = w3 | w4 << 32. */
    private static final long SP1_UUID_X2 = 0x7e4b_418c_6a9d_2f3fL;
    private static final long SP1_UUID_X3 = 0x706f_4e2b_1c0d_359aL;

    @Nested
    @DisplayName("from the normal world to a waiting partition")
    class Valid {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium", "optee"})
        @DisplayName("SMC32: the receiver sees FFA_MSG_SEND_DIRECT_REQ_32, w1 and the low 32 bits of w3-w7")
        void smc32(String profile) {
            MessagingWalk walk = MessagingWalk.at(profile);
            Prediction sees = assertForwardedTo(walk.call(NWD, REQ_32, 0xFFFF_FFFF_0000_8001L, 0,
                    0xAAAA_BBBB_1111_2222L, 3, 4, 5, 6), SP1);
            assertSees(sees, 0, FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0(), 1, 0x0000_8001L, 2, 0, 3, 0x1111_2222L, 4, 3, 5, 4, 6, 5, 7, 6);
            assertThat(sees.register(3).admits(0xAAAA_BBBB_1111_2222L)).as("upper halves undefined").isTrue();
            assertUndefined(sees, 8);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium", "optee"})
        @DisplayName("SMC64: the receiver sees FFA_MSG_SEND_DIRECT_REQ_64 and x3-x7 in full, x8-x17 undefined")
        void smc64(String profile) {
            MessagingWalk walk = MessagingWalk.at(profile);
            Prediction sees = assertForwardedTo(walk.call(NWD, REQ_64, 0x8001, 0, 0x1_0000_0003L, 4, 5, 6,
                    0x7_0000_0007L, 8, 9), SP1);
            assertSees(sees, 0, FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64(), 1, 0x8001, 2, 0, 3, 0x1_0000_0003L, 4, 4, 5, 5, 6, 6, 7, 0x7_0000_0007L);
            assertUndefined(sees, 8);
            assertUndefined(sees, 17);
        }

        @ParameterizedTest(name = "{0}, UUID x2=0x{1} x3=0x{2}")
        @CsvSource({"tfa-el3-spmc, 0, 0", "tfa-el3-spmc, 7e4b418c6a9d2f3f, 706f4e2b1c0d359a",
                "hafnium, 0, 0", "hafnium, 7e4b418c6a9d2f3f, 706f4e2b1c0d359a"})
        @DisplayName("DIRECT_REQ2 with the nil UUID or one the receiver serves: it sees x1-x17 as passed")
        void req2(String profile, String x2, String x3) {
            MessagingWalk walk = MessagingWalk.at(profile);
            long[] call = new long[18];
            call[0] = REQ2;
            call[1] = 0x8001;
            call[2] = Long.parseUnsignedLong(x2, 16);
            call[3] = Long.parseUnsignedLong(x3, 16);
            for (int i = 4; i < 18; i++) {
                call[i] = 0x1000_0000_0000_0000L | i;
            }
            Prediction sees = assertForwardedTo(walk.call(NWD, call), SP1);
            assertSees(sees, 0, FfaFunction.FFA_MSG_SEND_DIRECT_REQ2.x0Smc64(), 1, 0x8001, 2, call[2], 3, call[3]);
            for (int i = 4; i < 18; i++) {
                assertSees(sees, i, 0x1000_0000_0000_0000L | i);
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
        @DisplayName("the normal world may name one of its VMs as sender (a hypervisor sending for it): the"
                + " response must go back to that VM")
        void hypervisorForVm(String profile) {
            MessagingWalk walk = MessagingWalk.at(profile);
            assertSees(assertForwardedTo(walk.call(NWD, REQ_64, 0x0005_8001L), SP1), 1, 0x0005_8001L);
            assertRefused(walk.call(SP1, RESP_64, 0x8001_0000L), DENIED);
            assertForwardedTo(walk.call(SP1, RESP_64, 0x8001_0005L), EndpointId.of(5));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium", "optee"})
        @DisplayName("the receiver's context then runs the request: another request to it is BUSY")
        void receiverBusy(String profile) {
            MessagingWalk walk = MessagingWalk.at(profile);
            assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
            assertRefused(walk.call(NWD, REQ_32, 0x8001), BUSY);
        }
    }

    @Nested
    @DisplayName("refused everywhere")
    class Refused {

        @ParameterizedTest(name = "{0}: w1 = 0x{1} ({2})")
        @CsvSource({"tfa-el3-spmc, 80028001, a secure sender from the normal world",
                "hafnium, 80028001, a secure sender from the normal world",
                "optee, 80028001, a secure sender from the normal world",
                "tfa-el3-spmc, 8009, an unknown receiver", "hafnium, 8009, an unknown receiver",
                "optee, 8009, an unknown receiver",
                "tfa-el3-spmc, 0005, a normal-world receiver", "hafnium, 0005, a normal-world receiver",
                "optee, 0005, a normal-world receiver",
                "tfa-el3-spmc, 8000, the SPMC as receiver", "hafnium, 8000, the SPMC as receiver"})
        @DisplayName("w1 must name a normal-world sender and a partition receiver: INVALID_PARAMETERS")
        void badEndpoints(String profile, String w1, String why) {
            assertRefused(MessagingWalk.at(profile).call(NWD, REQ_64, Long.parseLong(w1, 16)), INVALID_PARAMETERS);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
        @DisplayName("DIRECT_REQ2 from a normal world that negotiated v1.1: NOT_SUPPORTED (TF-A's SPMD)")
        void req2FromOldNormalWorld(String profile) {
            assertRefused(MessagingWalk.at(profile, V1_1).call(NWD, REQ2, 0x8001), NOT_SUPPORTED);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
        @DisplayName("a partition must name itself as sender: INVALID_PARAMETERS")
        void partitionSenderField(String profile) {
            MessagingWalk walk = MessagingWalk.at(profile);
            assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
            assertRefused(walk.call(SP1, REQ_64, 0x8004_8002L), INVALID_PARAMETERS);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium", "optee"})
        @DisplayName("a framework message (w2 bit 31) is outside the model")
        void frameworkMessage(String profile) {
            assertThat(MessagingWalk.at(profile).call(NWD, REQ_32, 0x8001, 0x8000_0004L))
                    .isInstanceOf(FfaOutcome.Unmodelled.class);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"optee"})
        @DisplayName("OP-TEE provides no DIRECT_REQ2: NOT_SUPPORTED")
        void noReq2(String profile) {
            assertRefused(MessagingWalk.at(profile).call(NWD, REQ2, 0x8001, SP1_UUID_X2, SP1_UUID_X3),
                    NOT_SUPPORTED);
        }
    }
}
