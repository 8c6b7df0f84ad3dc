package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertInvalid;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertValid;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.HexBytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The FFA_MEM_RELINQUISH descriptor")
class RelinquishDescriptorTests {
    private static final byte[] ONE_ENDPOINT = HexBytes.of(
            "0200000001000000",   // @0  handle 0x100000002
            "01000000",           // @8  flags: zero memory after relinquish
            "01000000",           // @12 endpoint count 1
            "0280");              // @16 endpoint 0x8002

    private static final RelinquishDescriptor ONE = new RelinquishDescriptor(0x1_0000_0002L, 1,
            List.of(EndpointId.of(0x8002)));

    @Test
    @DisplayName("is handle @0, flags @8, endpoint count @12, endpoint IDs from @16")
    void writesSpecLayout() {
        assertThat(ONE.encode()).containsExactly(ONE_ENDPOINT);
        assertThat(assertValid(RelinquishDescriptor.decode(ONE_ENDPOINT))).isEqualTo(ONE);
        assertThat(ONE.zeroMemory()).isTrue();
        assertThat(ONE.timeSlicing()).isFalse();
        assertThat(ONE.reservedFlagBits()).isZero();
    }

    @Test
    @DisplayName("round trips two endpoints, ignoring the rest of the TX buffer")
    void roundTripsInsideBuffer() {
        RelinquishDescriptor two = new RelinquishDescriptor(-1L, 0x6, List.of(EndpointId.of(1), EndpointId.of(0xFFFF)));
        byte[] buffer = Arrays.copyOf(two.encode(), 4096);
        assertThat(two.encode()).hasSize(20);
        RelinquishDescriptor decoded = assertValid(RelinquishDescriptor.decode(buffer));
        assertThat(decoded).isEqualTo(two);
        assertThat(decoded.reservedFlagBits()).isEqualTo(0x4);
        assertThat(RelinquishDescriptor.of(5, EndpointId.of(2)).encode()).hasSize(18);
    }

    static Stream<Arguments> malformations() {
        return Stream.of(
                Arguments.of("15 bytes", Arrays.copyOf(ONE_ENDPOINT, 15), "length", DescriptorRules.RELINQUISH_LENGTH),
                Arguments.of("no endpoints", patchCount(ONE_ENDPOINT, 0), "endpointCount",
                        DescriptorRules.RELINQUISH_COUNT),
                Arguments.of("two endpoints in 18 bytes", patchCount(ONE_ENDPOINT, 2), "endpointCount",
                        DescriptorRules.RELINQUISH_LENGTH),
                Arguments.of("0xFFFFFFFF endpoints", patchCount(ONE_ENDPOINT, -1), "endpointCount",
                        DescriptorRules.RELINQUISH_LENGTH));
    }

    private static byte[] patchCount(byte[] base, int count) {
        byte[] bytes = base.clone();
        for (int i = 0; i < 4; i++) {
            bytes[12 + i] = (byte) (count >>> (8 * i));
        }
        return bytes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformations")
    @DisplayName("a malformed descriptor is INVALID_PARAMETERS naming the field")
    void reportsMalformation(String name, byte[] bytes, String field, Rule rule) {
        assertInvalid(RelinquishDescriptor.decode(bytes), field, rule);
    }
}
