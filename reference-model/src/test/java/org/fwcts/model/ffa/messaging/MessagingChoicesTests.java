package org.fwcts.model.ffa.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.HexBytes.zeros;
import static org.fwcts.model.ffa.PredictionAssert.DENIED;
import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.messaging.ForwardAssert.assertForwardedTo;
import static org.fwcts.model.ffa.messaging.ForwardAssert.assertRefused;
import static org.fwcts.model.ffa.messaging.ForwardAssert.assertSees;
import static org.fwcts.model.ffa.messaging.ForwardAssert.assertUndefined;
import static org.fwcts.model.ffa.messaging.MessagingWalk.NWD;
import static org.fwcts.model.ffa.messaging.MessagingWalk.OLD;
import static org.fwcts.model.ffa.messaging.MessagingWalk.SP1;
import static org.fwcts.model.ffa.messaging.MessagingWalk.V1_0;
import static org.fwcts.model.ffa.messaging.MessagingWalk.V1_1;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.FunctionAvailability;
import org.fwcts.model.ffa.HexBytes;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.smccc.FunctionId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per place where TF-A's EL3 SPMC, Hafnium and OP-TEE answer the same call differently
 * ({@link MessagingChoices}); the expected codes come from each implementation's source.
 */
@DisplayName("Where the SPMCs differ in messaging")
class MessagingChoicesTests {
    private static final long REQ_64 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64();
    private static final long REQ2 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ2.x0Smc64();
    private static final long RESP_64 = FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0Smc64();
    private static final long RESP2 = FfaFunction.FFA_MSG_SEND_DIRECT_RESP2.x0Smc64();
    private static final long MSG_WAIT = FfaFunction.FFA_MSG_WAIT.x0();
    private static final long RUN = FfaFunction.FFA_RUN.x0();
    private static final long INTERRUPT = FfaFunction.FFA_INTERRUPT.x0();
    private static final long MSG_SEND2 = FfaFunction.FFA_MSG_SEND2.x0();
    private static final long RXTX_MAP_64 = FfaFunction.FFA_RXTX_MAP.x0Smc64();
    private static final long PARTITION_INFO_GET = FfaFunction.FFA_PARTITION_INFO_GET.x0();
    private static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.x0();
    /** The error code, or "forwarded" where the call passes control on. */
    private static final String FORWARDED = "forwarded";

    private static void assertAnswer(FfaOutcome outcome, String expected) {
        if (expected.equals(FORWARDED)) {
            assertThat(outcome).isInstanceOf(FfaOutcome.Forwarded.class);
        } else {
            assertRefused(outcome, Long.parseLong(expected, 16));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, fffffffa", "hafnium, fffffffa", "optee, ffffffff"})
    @DisplayName("a receiver whose properties refuse direct requests: DENIED (TF-A, Hafnium), NOT_SUPPORTED (OP-TEE)")
    void nonReceiver(String profile, String code) {
        assertAnswer(MessagingWalk.at(profile).call(NWD, REQ_64, 0x8003), code);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, fffffffe", "hafnium, fffffffe", "optee, forwarded"})
    @DisplayName("w2 = 1 on a partition message: INVALID_PARAMETERS (TF-A, Hafnium); OP-TEE ignores w2")
    void partitionMessageFlags(String profile, String answer) {
        assertAnswer(MessagingWalk.at(profile).call(NWD, REQ_64, 0x8001, 1), answer);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, fffffffe, fffffffe", "hafnium, fffffffe, forwarded"})
    @DisplayName("a partition's request to the normal world is INVALID_PARAMETERS; to another partition only"
            + " Hafnium forwards it")
    void partitionRequests(String profile, String toNormalWorld, String toPartition) {
        MessagingWalk walk = MessagingWalk.at(profile);
        assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
        assertAnswer(walk.call(SP1, REQ_64, 0x8001_0000L), toNormalWorld);
        assertAnswer(walk.call(SP1, REQ_64, 0x8001_8002L), toPartition);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, ffffffff", "hafnium, fffffffa"})
    @DisplayName("DIRECT_REQ2 from a partition that negotiated v1.1: NOT_SUPPORTED (TF-A), DENIED (Hafnium)")
    void req2FromOldPartition(String profile, String code) {
        MessagingWalk walk = MessagingWalk.at(profile, MessagingWalk.V1_2, V1_1);
        assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
        assertAnswer(walk.call(SP1, REQ2, 0x8001_8002L), code);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, forwarded", "hafnium, fffffffa"})
    @DisplayName("DIRECT_REQ2 to a v1.1 partition: TF-A forwards it (x8-x17 undefined), Hafnium DENIES it")
    void req2ToOldReceiver(String profile, String answer) {
        FfaOutcome outcome = MessagingWalk.at(profile).call(NWD, REQ2, 0x8004, 0, 0, 4, 5, 6, 7, 8);
        assertAnswer(outcome, answer);
        if (outcome instanceof FfaOutcome.Forwarded forwarded) {
            assertThat(forwarded.receiver()).isEqualTo(OLD);
            assertSees(forwarded.receiverSees(), 0, FfaFunction.FFA_MSG_SEND_DIRECT_REQ2.x0Smc64(), 7, 7);
            assertUndefined(forwarded.receiverSees(), 8);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, forwarded", "hafnium, fffffffe"})
    @DisplayName("DIRECT_REQ2 naming a UUID the receiver does not serve: TF-A passes it on, Hafnium INVALID_PARAMETERS")
    void req2UnknownUuid(String profile, String answer) {
        long[] sp2Uuid = MessagingWalk.SP2_UUID.registerPair();
        assertAnswer(MessagingWalk.at(profile).call(NWD, REQ2, 0x8001, sp2Uuid[0], sp2Uuid[1]), answer);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, fffffffe", "hafnium, fffffffe", "optee, ffffffff"})
    @DisplayName("DIRECT_RESP from the normal world, where an implementation routes it to its handler")
    void normalWorldResponse(String profile, String code) {
        // The shipped availability refuses it first (NOT_SUPPORTED); TF-A and Hafnium would route it on and
        // answer INVALID_PARAMETERS, so this test provides the function to the normal world.
        SpmcProfile base = SpmcProfiles.named(profile).orElseThrow();
        Set<FunctionId> normal = new HashSet<>(base.functions().fromNormalWorld());
        normal.add(FfaFunction.FFA_MSG_SEND_DIRECT_RESP.smc64().orElseThrow());
        SpmcProfile routed = base.toBuilder()
                .functions(new FunctionAvailability(normal, base.functions().fromSecureWorld()))
                .build();
        assertAnswer(MessagingWalk.with(routed, MessagingWalk.V1_2, MessagingWalk.V1_2).call(NWD, RESP_64, 0x8001),
                code);
    }

    @ParameterizedTest(name = "{0}: to itself {1}, to 0x8009 {2}")
    @CsvSource({"tfa-el3-spmc, fffffffa, fffffffe", "hafnium, fffffffe, fffffffa"})
    @DisplayName("a response to the wrong endpoint: TF-A checks the endpoint exists first, Hafnium that it is not"
            + " the responder")
    void responseDestination(String profile, String toSelf, String toUnknown) {
        MessagingWalk walk = MessagingWalk.at(profile);
        assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
        assertAnswer(walk.call(SP1, RESP_64, 0x8001_8001L), toSelf);
        assertAnswer(walk.call(SP1, RESP_64, 0x8001_8009L), toUnknown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tfa-el3-spmc, fffffffe, 85", "hafnium, forwarded, 0"})
    @DisplayName("DIRECT_RESP2's reserved x2/x3: TF-A refuses x2 and passes x3 on, Hafnium clears both")
    void resp2Reserved(String profile, String withX2, long seenX3) {
        MessagingWalk walk = MessagingWalk.at(profile);
        assertForwardedTo(walk.call(NWD, REQ2, 0x8001), SP1);
        assertAnswer(walk.call(SP1, RESP2, 0x8001_0000L, 7), withX2);
        if (withX2.equals(FORWARDED)) {
            assertForwardedTo(walk.call(NWD, REQ2, 0x8001), SP1);
        }
        Prediction sees = assertForwardedTo(walk.call(SP1, RESP2, 0x8001_0000L, 0, 85), NWD);
        assertSees(sees, 2, 0, 3, seenX3);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, forwarded", "hafnium, fffffffe"})
    @DisplayName("non-zero reserved registers (MSG_WAIT w1, RUN x8, DIRECT_RESP x8 from v1.2): Hafnium refuses them")
    void reservedRegisters(String profile, String answer) {
        MessagingWalk walk = MessagingWalk.at(profile);
        assertAnswer(walk.call(NWD, RUN, 0x8001_0000L, 0, 0, 0, 0, 0, 0, 1), answer);
        if (!answer.equals(FORWARDED)) {
            assertForwardedTo(walk.call(NWD, RUN, 0x8001_0000L), SP1);
        }
        assertAnswer(walk.call(SP1, MSG_WAIT, 1), answer);
        if (!answer.equals(FORWARDED)) {
            assertForwardedTo(walk.call(SP1, MSG_WAIT), NWD);
        }
        assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
        assertAnswer(walk.call(SP1, RESP_64, 0x8001_0000L, 0, 0, 0, 0, 0, 0, 1), answer);
    }

    @ParameterizedTest(name = "{0}: RX full after FFA_MSG_WAIT {1}, with w2 bit 0 {2}")
    @CsvSource({"tfa-el3-spmc, true, true", "hafnium, false, true"})
    @DisplayName("FFA_MSG_WAIT releases a full RX buffer at Hafnium unless w2 bit 0 asks to retain it; TF-A keeps it")
    void msgWaitReleasesRx(String profile, boolean fullAfterWait, boolean fullAfterRetain) {
        MessagingWalk walk = MessagingWalk.at(profile);
        assertSuccess(walk.returns(SP1, RXTX_MAP_64, 0x9000_0000L, 0x9000_1000L, 1));
        for (long flags : new long[] {1, 0}) {
            assertForwardedTo(walk.call(NWD, RUN, 0x8001_0000L), SP1);
            assertSuccess(walk.returns(SP1, PARTITION_INFO_GET));
            assertForwardedTo(walk.call(SP1, MSG_WAIT, 0, flags), NWD);
            assertThat(walk.state().endpoint(SP1).mailbox().orElseThrow().rxFull())
                    .as("RX full after FFA_MSG_WAIT with w2 = %d", flags)
                    .isEqualTo(flags == 1 ? fullAfterRetain : fullAfterWait);
            walk.call(SP1, RX_RELEASE);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, fffffffe", "hafnium, fffffffa"})
    @DisplayName("FFA_RUN of endpoint 0: INVALID_PARAMETERS (TF-A), DENIED (Hafnium's other-world VM)")
    void runNormalWorld(String profile, String code) {
        assertAnswer(MessagingWalk.at(profile).call(NWD, RUN, 0x0000_0000L), code);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, fffffffe", "hafnium, fffffffa"})
    @DisplayName("FFA_RUN from a partition of a waiting one: TF-A takes FFA_RUN only from the normal world,"
            + " Hafnium only resumes blocked or preempted partitions")
    void partitionRun(String profile, String code) {
        MessagingWalk walk = MessagingWalk.at(profile);
        assertForwardedTo(walk.call(NWD, REQ_64, 0x8001), SP1);
        assertAnswer(walk.call(SP1, RUN, 0x8002_0000L), code);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, ffffffff", "hafnium, fffffffa"})
    @DisplayName("FFA_INTERRUPT called by a partition: NOT_SUPPORTED (TF-A), DENIED (Hafnium)")
    void partitionInterrupt(String profile, String code) {
        assertAnswer(MessagingWalk.at(profile).call(SP1, INTERRUPT), code);
    }

    @Test
    @DisplayName("Hafnium copies an FFA_MSG_SEND2 header with non-zero flags and reserved words as it is")
    void send2ReservedIgnored() {
        MessagingWalk walk = MessagingWalk.at("hafnium");
        assertSuccess(walk.returns(NWD, RXTX_MAP_64, 0x8800_0000L, 0x8800_1000L, 1));
        assertSuccess(walk.returns(SP1, RXTX_MAP_64, 0x9000_0000L, 0x9000_1000L, 1));
        byte[] flagged = HexBytes.of("01000000", "02000000", "28000000", "0180", "0000", zeros(4), "03000000",
                zeros(16));
        assertSuccess(MessagingWalk.predicted(walk.callWithTx(NWD, flagged, MSG_SEND2)).registers());
        RxContents delivered = walk.state().endpoint(SP1).mailbox().orElseThrow().contents().orElseThrow();
        assertThat(delivered.encode()).containsExactly(flagged);
        assertThat(delivered.differences(Arrays.copyOf(flagged, 4096))).isEmpty();
    }

    @Test
    @DisplayName("Hafnium answers FFA_MSG_SEND2 from a v1.0 caller DENIED (its support check runs first)")
    void send2FromV10() {
        MessagingWalk walk = MessagingWalk.at("hafnium", V1_0);
        assertSuccess(walk.returns(NWD, RXTX_MAP_64, 0x8800_0000L, 0x8800_1000L, 1));
        assertRefused(walk.callWithTx(NWD, HexBytes.of(zeros(40)), MSG_SEND2), DENIED);
    }

    @Test
    @DisplayName("the Hafnium-only choices have no effect elsewhere: FFA_MSG_SEND2 is NOT_SUPPORTED at TF-A")
    void send2OnlyAtHafnium() {
        assertRefused(MessagingWalk.at("tfa-el3-spmc").callWithTx(NWD, HexBytes.of(zeros(40)), MSG_SEND2),
                NOT_SUPPORTED);
    }
}
