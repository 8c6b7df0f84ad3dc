package org.fwcts.model.ffa.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.HexBytes.zeros;
import static org.fwcts.model.ffa.PredictionAssert.BUSY;
import static org.fwcts.model.ffa.PredictionAssert.DENIED;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.messaging.ForwardAssert.assertRefused;
import static org.fwcts.model.ffa.messaging.MessagingWalk.NWD;
import static org.fwcts.model.ffa.messaging.MessagingWalk.SP1;
import static org.fwcts.model.ffa.messaging.MessagingWalk.V1_1;

import java.util.Arrays;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.HexBytes;
import org.fwcts.model.ffa.Mailbox;
import org.fwcts.model.ffa.RxContents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FFA_MSG_SEND2 (DEN0077A "FFA_MSG_SEND2"; ffa-abi.md §9): only Hafnium provides it. */
@DisplayName("Indirect messages")
class MsgSend2Tests {
    private static final long MSG_SEND2 = FfaFunction.FFA_MSG_SEND2.x0();
    private static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.x0();
    private static final long RXTX_MAP_64 = FfaFunction.FFA_RXTX_MAP.x0Smc64();
    private static final String PAYLOAD = "00112233 44556677 8899aabb ccddeeff";

    /** A v1.2 header (40 bytes) from {@code sender} to {@code receiver}, payload at {@code offset}. */
    private static byte[] message(String receiver, String sender, String offset, String size) {
        byte[] header = HexBytes.of(zeros(4), zeros(4), offset, receiver, sender, size, zeros(4), zeros(16));
        byte[] payload = HexBytes.of(PAYLOAD);
        byte[] bytes = Arrays.copyOf(header, 56);
        System.arraycopy(payload, 0, bytes, 40, payload.length);
        return bytes;
    }

    /** NWd 0x0000 to SP 0x8001, 16 bytes at offset 40 (0x28). */
    private static final byte[] TO_SP1 = message("0180", "0000", "28000000", "10000000");

    @Nested
    @DisplayName("at Hafnium, both endpoints' buffers mapped")
    class Mapped {
        private MessagingWalk walk;

        @BeforeEach
        void mapBuffers() {
            walk = MessagingWalk.at("hafnium");
            assertSuccess(walk.returns(NWD, RXTX_MAP_64, 0x8800_0000L, 0x8800_1000L, 1));
            assertSuccess(walk.returns(SP1, RXTX_MAP_64, 0x9000_0000L, 0x9000_1000L, 1));
        }

        @Test
        @DisplayName("delivers header and payload to the receiver's RX buffer, which it owns until FFA_RX_RELEASE")
        void deliverAndRelease() {
            assertSuccess(MessagingWalk.predicted(walk.callWithTx(NWD, TO_SP1, MSG_SEND2)).registers());
            Mailbox rx = walk.state().endpoint(SP1).mailbox().orElseThrow();
            assertThat(rx.rxFull()).isTrue();
            RxContents delivered = rx.contents().orElseThrow();
            assertThat(delivered.encode()).containsExactly(TO_SP1);
            assertThat(delivered.differences(Arrays.copyOf(TO_SP1, 4096))).isEmpty();

            byte[] otherPayload = Arrays.copyOf(TO_SP1, 4096);
            otherPayload[41] = 0x7F;
            assertThat(delivered.differences(otherPayload)).containsExactly("payload byte 1: expected 0x11, got 0x7f");
            byte[] otherSender = Arrays.copyOf(TO_SP1, 4096);
            otherSender[14] = 0x05;
            assertThat(delivered.differences(otherSender)).singleElement().asString().startsWith("message sender");

            assertRefused(walk.callWithTx(NWD, TO_SP1, MSG_SEND2), BUSY);
            assertSuccess(walk.returns(SP1, RX_RELEASE));
            assertSuccess(MessagingWalk.predicted(walk.callWithTx(NWD, TO_SP1, MSG_SEND2)).registers());
        }

        @ParameterizedTest(name = "{4}")
        @CsvSource({
            "0180, 0500, 28000000, 10000000, the header's sender is not the caller",
            "0000, 0000, 28000000, 10000000, the receiver is the sender",
            "0980, 0000, 28000000, 10000000, the receiver is unknown",
            "0180, 0000, 27000000, 10000000, the payload overlaps the 40-byte header",
            "0180, 0000, 28000000, d90f0000, offset 40 + size 4057 passes the 4096-byte page"})
        @DisplayName("a malformed header or wrong endpoints: INVALID_PARAMETERS")
        void badHeaders(String receiver, String sender, String offset, String size, String why) {
            assertRefused(walk.callWithTx(NWD, message(receiver, sender, offset, size), MSG_SEND2), INVALID_PARAMETERS);
        }

        @Test
        @DisplayName("w1[31:16] from a partition and w2 flags from the normal world: INVALID_PARAMETERS")
        void badRegisters() {
            byte[] fromSp1 = message("0000", "0180", "28000000", "10000000");
            assertRefused(walk.callWithTx(SP1, fromSp1, MSG_SEND2, 0x8001_0000L), INVALID_PARAMETERS);
            assertRefused(walk.callWithTx(NWD, TO_SP1, MSG_SEND2, 0, 2), INVALID_PARAMETERS);
            assertSuccess(MessagingWalk.predicted(walk.callWithTx(SP1, fromSp1, MSG_SEND2, 0, 2)).registers());
        }

        @ParameterizedTest(name = "to 0x{0}: {1}")
        @CsvSource({"0280, BUSY (its RX buffer is not mapped)",
                "0380, DENIED (it does not declare indirect messaging)",
                "0480, DENIED (a v1.1 partition without indirect messaging)"})
        @DisplayName("a receiver that cannot take the message")
        void receiverCannot(String receiver, String why) {
            long code = why.startsWith("BUSY") ? BUSY : DENIED;
            assertRefused(walk.callWithTx(NWD, message(receiver, "0000", "28000000", "10000000"), MSG_SEND2), code);
        }
    }

    @Test
    @DisplayName("a sender without buffers is DENIED")
    void senderUnmapped() {
        assertRefused(MessagingWalk.at("hafnium").callWithTx(NWD, TO_SP1, MSG_SEND2), DENIED);
    }

    @Test
    @DisplayName("a v1.1 sender uses the 20-byte header")
    void v11Header() {
        MessagingWalk walk = MessagingWalk.at("hafnium", V1_1);
        assertSuccess(walk.returns(NWD, RXTX_MAP_64, 0x8800_0000L, 0x8800_1000L, 1));
        assertSuccess(walk.returns(SP1, RXTX_MAP_64, 0x9000_0000L, 0x9000_1000L, 1));
        byte[] v11 = HexBytes.of(zeros(4), zeros(4), "14000000", "0180", "0000", "04000000", "cafef00d");
        assertSuccess(MessagingWalk.predicted(walk.callWithTx(NWD, v11, MSG_SEND2)).registers());
        assertThat(walk.state().endpoint(SP1).mailbox().orElseThrow().contents().orElseThrow().encode())
                .containsExactly(v11);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tfa-el3-spmc", "optee"})
    @DisplayName("TF-A's EL3 SPMC and OP-TEE do not provide it: NOT_SUPPORTED")
    void notProvided(String profile) {
        assertRefused(MessagingWalk.at(profile).callWithTx(NWD, TO_SP1, MSG_SEND2), NOT_SUPPORTED);
    }
}
