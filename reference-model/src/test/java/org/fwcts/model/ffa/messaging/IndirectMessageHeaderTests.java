package org.fwcts.model.ffa.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.HexBytes.zeros;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertInvalid;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertValid;

import java.util.Arrays;
import java.util.stream.Stream;
import org.fwcts.model.Rule;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.HexBytes;
import org.fwcts.model.ffa.Uuid;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The FFA_MSG_SEND2 partition message header")
class IndirectMessageHeaderTests {
    private static final int PAGE = 4096;
    private static final EndpointId VM1 = EndpointId.of(0x0001);
    private static final EndpointId SP2 = EndpointId.of(0x8002);
    private static final Uuid OPTEE = Uuid.parse("486178e0-e7f8-11e3-bc5e-0002a5d5c51b");

    private static final byte[] V1_1_BYTES = HexBytes.of(
            "00000000",      // @0  flags
            "00000000",      // @4  reserved
            "14000000",      // @8  payload offset 20
            "0280",          // @12 receiver 0x8002
            "0100",          // @14 sender 0x0001
            "05000000");     // @16 payload size 5

    private static final byte[] V1_2_BYTES = HexBytes.of(
            zeros(4), zeros(4),  // @0 flags, @4 reserved
            "28000000",          // @8  payload offset 40
            "0280", "0100",      // @12 receiver, @14 sender
            "05000000",          // @16 payload size 5
            "00000000",          // @20 reserved
            "486178e0 e7f8 11e3 bc5e 0002a5d5c51b");  // @24 UUID

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(IndirectMessageLayout.V1_1, IndirectMessageHeader.of(VM1, SP2, 5, IndirectMessageLayout.V1_1),
                        V1_1_BYTES),
                Arguments.of(IndirectMessageLayout.V1_2, IndirectMessageHeader.of(VM1, SP2, 5, IndirectMessageLayout.V1_2)
                        .withUuid(OPTEE), V1_2_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    @DisplayName("is 20 bytes in v1.1 and 40 in v1.2, word @12 = sender << 16 | receiver")
    void encodesAndDecodes(IndirectMessageLayout layout, IndirectMessageHeader header, byte[] expected) {
        assertThat(expected).hasSize(layout.size());
        assertThat(header.encode(layout)).containsExactly(expected);
        assertThat(assertValid(IndirectMessageHeader.decode(expected, layout, PAGE))).isEqualTo(header);
    }

    @Test
    @DisplayName("puts the payload at the offset; the whole message round trips from a TX page")
    void payloadAtOffset() {
        IndirectMessageHeader header = IndirectMessageHeader.of(VM1, SP2, 3, IndirectMessageLayout.V1_2)
                .withPayloadOffset(64);
        byte[] message = header.encodeWithPayload(IndirectMessageLayout.V1_2, new byte[] {7, 8, 9});
        assertThat(message).hasSize(67);
        assertThat(Arrays.copyOfRange(message, 64, 67)).containsExactly(7, 8, 9);
        assertThat(assertValid(IndirectMessageHeader.decode(Arrays.copyOf(message, PAGE), IndirectMessageLayout.V1_2,
                PAGE))).isEqualTo(header);
    }

    @Test
    @DisplayName("v1.0 callers have no FFA_MSG_SEND2; v1.1 callers use 20 bytes, v1.2 and later 40")
    void layoutForCaller() {
        assertThat(IndirectMessageLayout.forCaller(SpecVersion.of(1, 0))).isEmpty();
        assertThat(IndirectMessageLayout.forCaller(SpecVersion.of(1, 1))).contains(IndirectMessageLayout.V1_1);
        assertThat(IndirectMessageLayout.forCaller(SpecVersion.of(1, 3))).contains(IndirectMessageLayout.V1_2);
    }

    private static byte[] patched(byte[] base, int offset, String hex) {
        byte[] bytes = base.clone();
        byte[] patch = HexBytes.of(hex);
        System.arraycopy(patch, 0, bytes, offset, patch.length);
        return bytes;
    }

    static Stream<Arguments> malformations() {
        IndirectMessageLayout v11 = IndirectMessageLayout.V1_1;
        IndirectMessageLayout v12 = IndirectMessageLayout.V1_2;
        return Stream.of(
                Arguments.of("19 bytes", Arrays.copyOf(V1_1_BYTES, 19), v11, PAGE, "length",
                        IndirectMessageRules.HEADER_LENGTH),
                Arguments.of("a v1.1 header read as v1.2", V1_1_BYTES, v12, PAGE, "length",
                        IndirectMessageRules.HEADER_LENGTH),
                Arguments.of("flags 1", patched(V1_1_BYTES, 0, "01"), v11, PAGE, "flags", IndirectMessageRules.FLAGS),
                Arguments.of("reserved word @4", patched(V1_2_BYTES, 7, "80"), v12, PAGE, "reserved[4..7]",
                        IndirectMessageRules.RESERVED),
                Arguments.of("reserved word @20", patched(V1_2_BYTES, 20, "01"), v12, PAGE, "reserved[20..23]",
                        IndirectMessageRules.RESERVED),
                Arguments.of("v1.2 payload at 20", patched(V1_2_BYTES, 8, "14000000"), v12, PAGE, "payloadOffset",
                        IndirectMessageRules.PAYLOAD_OFFSET),
                Arguments.of("payload offset 0", patched(V1_1_BYTES, 8, "00000000"), v11, PAGE, "payloadOffset",
                        IndirectMessageRules.PAYLOAD_OFFSET),
                Arguments.of("offset 20 + size 4077 > 4096", patched(V1_1_BYTES, 16, "ed0f0000"), v11, PAGE,
                        "payloadSize", IndirectMessageRules.PAYLOAD_SIZE),
                Arguments.of("size 0xFFFFFFFF does not wrap", patched(V1_1_BYTES, 16, "ffffffff"), v11, PAGE,
                        "payloadSize", IndirectMessageRules.PAYLOAD_SIZE),
                Arguments.of("5 bytes at 20 in a 24-byte buffer", V1_1_BYTES, v11, 24, "payloadSize",
                        IndirectMessageRules.PAYLOAD_SIZE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformations")
    @DisplayName("a malformed header is INVALID_PARAMETERS naming the field")
    void reportsMalformation(String name, byte[] bytes, IndirectMessageLayout layout, int bufferSize, String field,
            Rule rule) {
        assertInvalid(IndirectMessageHeader.decode(bytes, layout, bufferSize), field, rule);
    }

    @Test
    @DisplayName("offset 20 + size 4076 fills a 4K page exactly and is fine")
    void fillsPageExactly() {
        assertValid(IndirectMessageHeader.decode(patched(V1_1_BYTES, 16, "ec0f0000"), IndirectMessageLayout.V1_1, PAGE));
    }
}
