package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertValid;
import static org.fwcts.model.ffa.memory.SampleDescriptors.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.fwcts.model.SpecVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The memory transaction descriptor encoder")
class TransactionDescriptorEncoderTests {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("v1.0, one receiver, composite", V1_0_ONE_RECEIVER, V1_0_ONE_RECEIVER_BYTES, "1.0"),
                Arguments.of("v1.0, two receivers, no composite", V1_0_TWO_RECEIVERS_NO_REGION,
                        V1_0_TWO_RECEIVERS_NO_REGION_BYTES, "1.0"),
                Arguments.of("v1.1, one receiver, composite", V1_1_ONE_RECEIVER, V1_1_ONE_RECEIVER_BYTES, "1.1"),
                Arguments.of("v1.1, two receivers, composite", V1_1_TWO_RECEIVERS, V1_1_TWO_RECEIVERS_BYTES, "1.1"),
                Arguments.of("v1.2, one receiver, composite, impdef, NS", V1_2_ONE_RECEIVER, V1_2_ONE_RECEIVER_BYTES,
                        "1.2"),
                Arguments.of("v1.2, two receivers, no composite", V1_2_TWO_RECEIVERS_NO_REGION,
                        V1_2_TWO_RECEIVERS_NO_REGION_BYTES, "1.2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("writes exactly the bytes of the spec layout")
    void writesSpecLayout(String name, MemoryTransaction transaction, byte[] expected, String version) {
        assertThat(TransactionDescriptorEncoder.encode(transaction)).containsExactly(expected);
        assertThat(TransactionDescriptorEncoder.encodedLength(transaction, transaction.layout()))
                .isEqualTo(expected.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("reads the hand-written bytes back as the transaction, composite offsets filled in")
    void readsSpecLayout(String name, MemoryTransaction transaction, byte[] expected, String version) {
        MemoryTransaction decoded = assertValid(TransactionDescriptorDecoder.decode(expected, SpecVersion.parse(version)));
        assertThat(decoded).isEqualTo(transaction.placed(transaction.layout()));
    }

    @Test
    @DisplayName("places the composite right after the EMADs: 48 (v1.0, 1), 80 (v1.1, 2), 112 (v1.2, 2)")
    void compositeOffsets() {
        assertThat(DescriptorLayout.V1_0.compositeOffset(1)).isEqualTo(48);
        assertThat(DescriptorLayout.V1_1.compositeOffset(2)).isEqualTo(80);
        assertThat(DescriptorLayout.V1_2.compositeOffset(2)).isEqualTo(112);
    }

    @Test
    @DisplayName("drops the impdef value in layouts whose 16-byte EMADs have no room for it")
    void dropsImpdefInSixteenByteEmads() {
        byte[] bytes = TransactionDescriptorEncoder.encode(V1_2_ONE_RECEIVER, DescriptorLayout.V1_1);
        MemoryTransaction decoded = assertValid(TransactionDescriptorDecoder.decode(bytes, SpecVersion.of(1, 1)));
        assertThat(decoded.receivers().get(0).impdef()).isEqualTo(EndpointAccess.Impdef.ZERO);
        assertThat(decoded).isEqualTo(V1_2_ONE_RECEIVER.placed(DescriptorLayout.V1_1));
    }

    @Test
    @DisplayName("writes into a caller's buffer without moving its position or changing its byte order")
    void writesIntoBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        TransactionDescriptorEncoder.writeTo(buffer, V1_1_ONE_RECEIVER, DescriptorLayout.V1_1);
        assertThat(buffer.position()).isZero();
        assertThat(buffer.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        byte[] head = new byte[V1_1_ONE_RECEIVER_BYTES.length];
        buffer.get(head);
        assertThat(head).containsExactly(V1_1_ONE_RECEIVER_BYTES);
    }

    @Test
    @DisplayName("chooses the layout from the caller's version: 1.0 -> v1.0, 1.1 -> v1.1, 1.2 and later -> v1.2")
    void layoutForCaller() {
        assertThat(DescriptorLayout.forCaller(SpecVersion.of(1, 0))).isEqualTo(DescriptorLayout.V1_0);
        assertThat(DescriptorLayout.forCaller(SpecVersion.of(1, 1))).isEqualTo(DescriptorLayout.V1_1);
        assertThat(DescriptorLayout.forCaller(SpecVersion.of(1, 2))).isEqualTo(DescriptorLayout.V1_2);
        assertThat(DescriptorLayout.forCaller(SpecVersion.of(1, 3))).isEqualTo(DescriptorLayout.V1_2);
    }
}
