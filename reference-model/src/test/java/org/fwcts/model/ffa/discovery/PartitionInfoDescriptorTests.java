package org.fwcts.model.ffa.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.HexBytes.zeros;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertInvalid;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertValid;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

@DisplayName("The partition information descriptor")
class PartitionInfoDescriptorTests {
    private static final Uuid OPTEE = Uuid.parse("486178e0-e7f8-11e3-bc5e-0002a5d5c51b");
    private static final Uuid CACTUS = Uuid.parse("b4b5671e-4a90-4fe1-b81f-fb13dae1dacb");

    private static final PartitionInfoDescriptor V1_0 = PartitionInfoDescriptor.of(EndpointId.of(0x8001), 8, 0x3);
    private static final PartitionInfoDescriptor V1_1 = PartitionInfoDescriptor.of(EndpointId.of(0x8001), 8, 0x10B)
            .withProtocolUuid(OPTEE);
    private static final PartitionInfoDescriptor V1_3 = V1_1.withImageUuid(CACTUS)
            .withPartitionVersion(SpecVersion.of(1, 2));

    private static final byte[] V1_0_BYTES = HexBytes.of(
            "0180",          // @0 partition ID 0x8001
            "0800",          // @2 8 execution contexts
            "03000000");     // @4 properties: direct request receive + send

    private static final byte[] V1_1_BYTES = HexBytes.of(
            "0180", "0800",
            "0b010000",      // @4 properties 0x10B: direct req recv/send, notifications, AArch64
            "486178e0 e7f8 11e3 bc5e 0002a5d5c51b");  // @8 protocol UUID, bytes in textual order

    private static final byte[] V1_3_BYTES = HexBytes.of(
            "0180", "0800", "0b010000",
            "486178e0 e7f8 11e3 bc5e 0002a5d5c51b",   // @8  protocol UUID
            "b4b5671e 4a90 4fe1 b81f fb13dae1dacb",   // @24 image UUID
            "02000100",      // @40 partition FF-A version 1.2 (0x10002)
            zeros(4));       // @44 reserved

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(PartitionInfoLayout.V1_0, V1_0, V1_0_BYTES),
                Arguments.of(PartitionInfoLayout.V1_1, V1_1, V1_1_BYTES),
                Arguments.of(PartitionInfoLayout.V1_3, V1_3, V1_3_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    @DisplayName("is 8, 24 or 48 bytes, encoded and decoded field by field")
    void encodesAndDecodes(PartitionInfoLayout layout, PartitionInfoDescriptor descriptor, byte[] expected) {
        assertThat(expected).hasSize(layout.size());
        assertThat(descriptor.encode(layout)).containsExactly(expected);
        assertThat(assertValid(PartitionInfoDescriptor.decodeList(expected, 1, layout.size())))
                .containsExactly(descriptor);
    }

    @Test
    @DisplayName("a list is read by stepping w3 bytes, count w2 times, from the start of the RX buffer")
    void decodesList() {
        PartitionInfoDescriptor second = PartitionInfoDescriptor.of(EndpointId.of(0x8002), 1, 0x1)
                .withProtocolUuid(Uuid.NIL).withImageUuid(Uuid.NIL).withPartitionVersion(SpecVersion.of(1, 1));
        byte[] rx = Arrays.copyOf(PartitionInfoDescriptor.encodeList(List.of(V1_3, second), PartitionInfoLayout.V1_3),
                4096);
        assertThat(assertValid(PartitionInfoDescriptor.decodeList(rx, 2, 48))).containsExactly(V1_3, second);
        assertThat(assertValid(PartitionInfoDescriptor.decodeList(rx, 0, 48))).isEmpty();
    }

    @Test
    @DisplayName("writes absent fields as zero and drops fields the layout lacks")
    void absentAndDroppedFields() {
        PartitionInfoDescriptor decoded = assertValid(PartitionInfoDescriptor.decodeList(
                V1_0.encode(PartitionInfoLayout.V1_3), 1, 48)).get(0);
        assertThat(decoded.protocolUuid()).contains(Uuid.NIL);
        assertThat(decoded.partitionVersion()).contains(SpecVersion.of(0, 0));
        assertThat(V1_3.encode(PartitionInfoLayout.V1_1)).containsExactly(V1_1_BYTES);
        assertThat(PartitionInfoLayout.forSize(24)).contains(PartitionInfoLayout.V1_1);
        assertThat(PartitionInfoLayout.forSize(0)).isEqualTo(Optional.empty());
    }

    static Stream<Arguments> malformations() {
        byte[] reserved = V1_3_BYTES.clone();
        reserved[44] = 1;
        byte[] badVersion = V1_3_BYTES.clone();
        badVersion[43] = (byte) 0x80;
        return Stream.of(
                Arguments.of("16-byte descriptors", V1_3_BYTES, 1, 16, "descriptorSize",
                        PartitionInfoRules.DESCRIPTOR_SIZE),
                Arguments.of("w3 = 0 (TF-A for v1.0 callers)", V1_0_BYTES, 1, 0, "descriptorSize",
                        PartitionInfoRules.DESCRIPTOR_SIZE),
                Arguments.of("two 48-byte descriptors in 48 bytes", V1_3_BYTES, 2, 48, "count",
                        PartitionInfoRules.DESCRIPTOR_BOUNDS),
                Arguments.of("reserved bytes 44-47", reserved, 1, 48, "descriptor[0].reserved",
                        PartitionInfoRules.DESCRIPTOR_RESERVED),
                Arguments.of("version with bit 31 set", badVersion, 1, 48, "descriptor[0].partitionVersion",
                        PartitionInfoRules.PARTITION_VERSION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformations")
    @DisplayName("a malformed answer is reported naming the field")
    void reportsMalformation(String name, byte[] rx, long count, long size, String field, Rule rule) {
        assertInvalid(PartitionInfoDescriptor.decodeList(rx, count, size), field, rule);
    }
}
