package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertInvalid;
import static org.fwcts.model.ffa.memory.DecodedAssertions.assertValid;
import static org.fwcts.model.ffa.memory.SampleDescriptors.*;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.fwcts.model.Rule;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.HexBytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per structural malformation: each starts from a hand-written well-formed descriptor (see
 * {@link SampleDescriptors}; the v1.1 one is header @0, EMAD @48, composite @64, constituent @80) and
 * breaks exactly one thing.
 */
@DisplayName("A malformed memory transaction descriptor is INVALID_PARAMETERS naming the field")
class TransactionDescriptorMalformationTests {
    private static final SpecVersion V1_0 = SpecVersion.of(1, 0);
    private static final SpecVersion V1_1 = SpecVersion.of(1, 1);
    private static final SpecVersion V1_2 = SpecVersion.of(1, 2);

    /** What the decoder is given. */
    record Input(byte[] bytes, int length, SpecVersion caller) {
        static Input of(byte[] bytes, SpecVersion caller) {
            return new Input(bytes, bytes.length, caller);
        }
    }

    private static Arguments breaking(String name, Input input, String field, Rule rule) {
        return Arguments.of(name, input, field, rule);
    }

    /** A copy of {@code base} with the hex bytes written at {@code offset}. */
    private static byte[] patched(byte[] base, int offset, String hex) {
        byte[] bytes = base.clone();
        byte[] patch = HexBytes.of(hex);
        System.arraycopy(patch, 0, bytes, offset, patch.length);
        return bytes;
    }

    private static Input v11(int offset, String hex) {
        return Input.of(patched(V1_1_ONE_RECEIVER_BYTES, offset, hex), V1_1);
    }

    private static Input encoded(Constituent... constituents) {
        return Input.of(TransactionDescriptorEncoder.encode(V1_1_ONE_RECEIVER.withRegion(
                Optional.of(CompositeRegion.of(constituents)))), V1_1);
    }

    static Stream<Arguments> lengthsAndHeader() {
        return Stream.of(
                breaking("length beyond the bytes supplied", new Input(V1_1_ONE_RECEIVER_BYTES, 112, V1_1),
                        "length", DescriptorRules.LENGTH_BUFFER),
                breaking("32 bytes for a v1.1 caller", Input.of(Arrays.copyOf(V1_1_ONE_RECEIVER_BYTES, 32), V1_1),
                        "length", DescriptorRules.LENGTH_HEADER),
                breaking("16 bytes for a v1.0 caller", Input.of(Arrays.copyOf(V1_0_ONE_RECEIVER_BYTES, 16), V1_0),
                        "length", DescriptorRules.LENGTH_HEADER),
                breaking("length 104", Input.of(Arrays.copyOf(V1_1_ONE_RECEIVER_BYTES, 104), V1_1),
                        "length", DescriptorRules.LENGTH_ALIGNMENT),
                breaking("length 90 of 96", new Input(V1_1_ONE_RECEIVER_BYTES, 90, V1_1),
                        "length", DescriptorRules.LENGTH_ALIGNMENT),
                breaking("v1.0 reserved byte 3", Input.of(patched(V1_0_ONE_RECEIVER_BYTES, 3, "01"), V1_0),
                        "header.reserved[3]", DescriptorRules.HEADER_RESERVED),
                breaking("v1.0 reserved bytes 24-27", Input.of(patched(V1_0_ONE_RECEIVER_BYTES, 27, "80"), V1_0),
                        "header.reserved[24..27]", DescriptorRules.HEADER_RESERVED),
                breaking("v1.1 reserved byte 36", v11(36, "01"), "header.reserved[36..47]",
                        DescriptorRules.HEADER_RESERVED),
                breaking("v1.1 reserved byte 47", v11(47, "80"), "header.reserved[36..47]",
                        DescriptorRules.HEADER_RESERVED),
                breaking("attribute bit 7", v11(2, "af"), "attributes", DescriptorRules.ATTRIBUTES_RESERVED),
                breaking("attribute bit 8", v11(3, "01"), "attributes", DescriptorRules.ATTRIBUTES_RESERVED),
                breaking("v1.0 attribute bit 7", Input.of(patched(V1_0_ONE_RECEIVER_BYTES, 2, "af"), V1_0),
                        "attributes", DescriptorRules.ATTRIBUTES_RESERVED));
    }

    static Stream<Arguments> emadArray() {
        return Stream.of(
                breaking("32-byte EMADs from a v1.1 caller", v11(24, "20000000"), "emadSize",
                        DescriptorRules.EMAD_SIZE),
                breaking("the v1.2 sample read by a v1.1 caller", Input.of(V1_2_ONE_RECEIVER_BYTES, V1_1),
                        "emadSize", DescriptorRules.EMAD_SIZE),
                breaking("24-byte EMADs from a v1.2 caller", Input.of(patched(V1_2_ONE_RECEIVER_BYTES, 24, "18000000"),
                        V1_2), "emadSize", DescriptorRules.EMAD_SIZE),
                breaking("0-byte EMADs", v11(24, "00000000"), "emadSize", DescriptorRules.EMAD_SIZE),
                breaking("EMAD offset 32", v11(32, "20000000"), "emadOffset", DescriptorRules.EMAD_OFFSET),
                breaking("EMAD offset 56", v11(32, "38000000"), "emadOffset", DescriptorRules.EMAD_OFFSET),
                breaking("EMAD count 0", v11(28, "00000000"), "emadCount", DescriptorRules.EMAD_COUNT),
                breaking("EMAD count 4 in 96 bytes", v11(28, "04000000"), "emadArray", DescriptorRules.EMAD_BOUNDS),
                breaking("EMAD count 0xFFFFFFFF", v11(28, "ffffffff"), "emadArray", DescriptorRules.EMAD_BOUNDS),
                breaking("EMAD offset 96 of 96", v11(32, "60000000"), "emadArray", DescriptorRules.EMAD_BOUNDS),
                breaking("v1.1 EMAD reserved byte 8", v11(56, "01"), "emad[0].reserved", DescriptorRules.EMAD_RESERVED),
                breaking("v1.1 second EMAD reserved byte 15", Input.of(patched(V1_1_TWO_RECEIVERS_BYTES, 79, "01"),
                        V1_1), "emad[1].reserved", DescriptorRules.EMAD_RESERVED),
                breaking("v1.0 EMAD reserved byte 8", Input.of(patched(V1_0_ONE_RECEIVER_BYTES, 40, "ff"), V1_0),
                        "emad[0].reserved", DescriptorRules.EMAD_RESERVED),
                breaking("v1.2 EMAD reserved byte 24", Input.of(patched(V1_2_ONE_RECEIVER_BYTES, 72, "01"), V1_2),
                        "emad[0].reserved", DescriptorRules.EMAD_RESERVED),
                breaking("permission bits [7:4]", v11(50, "12"), "emad[0].permissions",
                        DescriptorRules.PERMISSIONS_RESERVED),
                breaking("data access 0b11", v11(50, "07"), "emad[0].permissions", DescriptorRules.PERMISSIONS_RESERVED),
                breaking("instruction access 0b11", v11(50, "0e"), "emad[0].permissions",
                        DescriptorRules.PERMISSIONS_RESERVED),
                breaking("second EMAD permissions 0x0F", Input.of(patched(V1_1_TWO_RECEIVERS_BYTES, 66, "0f"), V1_1),
                        "emad[1].permissions", DescriptorRules.PERMISSIONS_RESERVED));
    }

    static Stream<Arguments> compositePlacement() {
        return Stream.of(
                breaking("second EMAD points at 96", Input.of(patched(V1_1_TWO_RECEIVERS_BYTES, 68, "60000000"), V1_1),
                        "emad[1].compositeOffset", DescriptorRules.COMPOSITE_OFFSET_EQUAL),
                breaking("second EMAD has no composite", Input.of(patched(V1_1_TWO_RECEIVERS_BYTES, 68, "00000000"),
                        V1_1), "emad[1].compositeOffset", DescriptorRules.COMPOSITE_OFFSET_EQUAL),
                breaking("composite offset 72", v11(52, "48000000"), "compositeOffset",
                        DescriptorRules.COMPOSITE_OFFSET_ALIGNMENT),
                breaking("composite offset 48, on the EMAD", v11(52, "30000000"), "compositeOffset",
                        DescriptorRules.COMPOSITE_OFFSET_PLACEMENT),
                breaking("composite offset 16, in the header", v11(52, "10000000"), "compositeOffset",
                        DescriptorRules.COMPOSITE_OFFSET_PLACEMENT),
                breaking("composite on the second EMAD", Input.of(patched(patched(V1_1_TWO_RECEIVERS_BYTES, 52,
                        "40000000"), 68, "40000000"), V1_1), "compositeOffset", DescriptorRules.COMPOSITE_OFFSET_PLACEMENT),
                breaking("composite offset 96 of 96", v11(52, "60000000"), "compositeOffset",
                        DescriptorRules.COMPOSITE_BOUNDS),
                breaking("composite offset 256 of 96", v11(52, "00010000"), "compositeOffset",
                        DescriptorRules.COMPOSITE_BOUNDS),
                breaking("no composite, yet 32 bytes after the EMADs", v11(52, "00000000"), "length",
                        DescriptorRules.LENGTH_WITHOUT_COMPOSITE),
                breaking("retrieve request with 16 trailing bytes", Input.of(Arrays.copyOf(
                        V1_2_TWO_RECEIVERS_NO_REGION_BYTES, 128), V1_2), "length", DescriptorRules.LENGTH_WITHOUT_COMPOSITE));
    }

    static Stream<Arguments> compositeContents() {
        return Stream.of(
                breaking("constituent count 2, room for 1", v11(68, "02000000"), "composite.constituentCount",
                        DescriptorRules.CONSTITUENT_COUNT),
                breaking("constituent count 0, room for 1", v11(68, "00000000"), "composite.constituentCount",
                        DescriptorRules.CONSTITUENT_COUNT),
                breaking("16 bytes past the last constituent", Input.of(Arrays.copyOf(V1_1_ONE_RECEIVER_BYTES, 112),
                        V1_1), "composite.constituentCount", DescriptorRules.CONSTITUENT_COUNT),
                breaking("composite reserved byte 8", v11(72, "01"), "composite.reserved",
                        DescriptorRules.COMPOSITE_RESERVED),
                breaking("total 2 pages for 1", v11(64, "02000000"), "composite.totalPageCount",
                        DescriptorRules.TOTAL_PAGE_COUNT),
                breaking("total 0 pages for 1", v11(64, "00000000"), "composite.totalPageCount",
                        DescriptorRules.TOTAL_PAGE_COUNT),
                breaking("constituent reserved byte 12", v11(92, "01"), "constituent[0].reserved",
                        DescriptorRules.CONSTITUENT_RESERVED),
                breaking("address 0x81234800", encoded(Constituent.of(0x8123_4800L, 1)), "constituent[0].address",
                        DescriptorRules.CONSTITUENT_ALIGNMENT),
                breaking("second v1.0 constituent at 0x880004001", Input.of(patched(V1_0_ONE_RECEIVER_BYTES, 80, "01"),
                        V1_0), "constituent[1].address", DescriptorRules.CONSTITUENT_ALIGNMENT),
                breaking("zero pages", encoded(Constituent.of(0x8123_4000L, 0)), "constituent[0].pageCount",
                        DescriptorRules.CONSTITUENT_EMPTY),
                breaking("two pages from 2^64 - 4K", encoded(Constituent.of(0xFFFF_FFFF_FFFF_F000L, 2)),
                        "constituent[0].pageCount", DescriptorRules.CONSTITUENT_RANGE),
                breaking("one page ending exactly at 2^64", encoded(Constituent.of(0xFFFF_FFFF_FFFF_F000L, 1)),
                        "constituent[0].pageCount", DescriptorRules.CONSTITUENT_RANGE),
                breaking("second run starts inside the first",
                        encoded(Constituent.of(0x8000_0000L, 2), Constituent.of(0x8000_1000L, 1)),
                        "constituent[1]", DescriptorRules.CONSTITUENT_OVERLAP),
                breaking("first run starts inside the second",
                        encoded(Constituent.of(0x8000_1000L, 1), Constituent.of(0x8000_0000L, 4)),
                        "constituent[1]", DescriptorRules.CONSTITUENT_OVERLAP),
                breaking("third run inside the first, second elsewhere", encoded(Constituent.of(0x8000_0000L, 16),
                        Constituent.of(0x9000_0000L, 1), Constituent.of(0x8000_2000L, 1)),
                        "constituent[2]", DescriptorRules.CONSTITUENT_OVERLAP),
                breaking("the same run twice",
                        encoded(Constituent.of(0x8000_0000L, 1), Constituent.of(0x8000_0000L, 1)),
                        "constituent[1]", DescriptorRules.CONSTITUENT_OVERLAP),
                breaking("runs above 2^63 overlap", encoded(Constituent.of(0x8000_0000_0000_0000L, 2),
                        Constituent.of(0x8000_0000_0000_1000L, 1)), "constituent[1]", DescriptorRules.CONSTITUENT_OVERLAP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"lengthsAndHeader", "emadArray", "compositePlacement", "compositeContents"})
    @DisplayName("each malformation")
    void reportsMalformation(String name, Input input, String field, Rule rule) {
        assertInvalid(TransactionDescriptorDecoder.decode(input.bytes(), input.length(), input.caller()), field, rule);
    }

    @Test
    @DisplayName("adjacent runs, a run at 2^63 and the last page below 2^64 are not malformations")
    void edgesThatAreWellFormed() {
        Input adjacent = encoded(Constituent.of(0x8000_0000L, 1), Constituent.of(0x8000_1000L, 1),
                Constituent.of(0x8000_0000_0000_0000L, 1), Constituent.of(0xFFFF_FFFF_FFFF_E000L, 1));
        assertValid(TransactionDescriptorDecoder.decode(adjacent.bytes(), adjacent.caller()));
    }

    @Test
    @DisplayName("semantic matters pass the codec: NS bit, reserved flags, reserved attribute encodings, EMAD flags")
    void semanticMattersAreLeftToCallers() {
        byte[] bytes = patched(patched(patched(V1_1_ONE_RECEIVER_BYTES, 2, "7f00"), 4, "ffffffff"), 51, "ff");
        MemoryTransaction transaction = assertValid(TransactionDescriptorDecoder.decode(bytes, V1_1));
        assertThat(transaction.attributes().nonSecure()).isTrue();
        assertThat(transaction.attributes().hasReservedEncoding()).isTrue();
        assertThat(transaction.flags().reservedBits()).isEqualTo(0xFFFF_F800);
        assertThat(transaction.receivers().get(0).flags()).isEqualTo(0xFF);
    }
}
