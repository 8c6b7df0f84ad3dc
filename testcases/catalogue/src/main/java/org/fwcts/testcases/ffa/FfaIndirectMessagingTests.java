package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.messaging.IndirectMessageHeader;
import org.fwcts.model.ffa.messaging.IndirectMessageLayout;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Indirect messages (FFA_MSG_SEND2) from the normal world to the partition, where the
 * implementation provides them, and NOT_SUPPORTED where it does not: the header in the TX buffer,
 * well formed and malformed.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:messaging")
@DisplayName("FF-A indirect messages")
class FfaIndirectMessagingTests {
    private static final byte[] PAYLOAD = "fwcts indirect message".getBytes(StandardCharsets.US_ASCII);

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("a well-formed v1.2 message", 0, 0),
                Arguments.of("a payload offset inside the header", 8, 0),
                Arguments.of("a payload running past the buffer", 0, 8192),
                Arguments.of("the partition as the sender", 0x8001, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    @Tag("rule:FFA.MSG_SEND2.DELIVERED")
    @Tag("rule:FFA.MSG_SEND2.PAYLOAD_OFFSET")
    @Tag("rule:FFA.MSG_SEND2.PAYLOAD_SIZE")
    @Tag("rule:FFA.MSG_SEND2.SENDER")
    @DisplayName("MSG_SEND2 with the message in the TX buffer")
    void send(String what, int change, long size, FfaFirmware ffa) {
        EndpointId partition = ffa.model().topology().partitions().get(0).id();
        IndirectMessageHeader header = IndirectMessageHeader.of(ffa.self(), partition, PAYLOAD.length,
                IndirectMessageLayout.V1_2);
        if (change == 8) {
            header = header.withPayloadOffset(8);
        } else if (change != 0) {
            header = new IndirectMessageHeader(0, EndpointId.of(change), partition, header.payloadOffset(),
                    PAYLOAD.length, header.uuid());
        } else if (size != 0) {
            header = new IndirectMessageHeader(0, ffa.self(), partition, header.payloadOffset(), size, header.uuid());
        }
        byte[] message = header.encodeWithPayload(IndirectMessageLayout.V1_2, PAYLOAD);
        assertThatCall(ffa.call(Registers.of(FfaFunction.FFA_MSG_SEND2.id().register()), message)).matchesModel();
    }
}
