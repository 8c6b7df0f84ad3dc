package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.HexBytes.zeros;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.request;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertOutcome;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.HexBytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed FFA_MEM_SHARE descriptors written by hand, byte by byte from ffa-memory.md §2, each with the
 * answer of each profile: INVALID_PARAMETERS where it checks the field, success where it does not.
 */
@DisplayName("FFA_MEM_SHARE with malformed descriptors")
class MalformedSendTests {
    /** v1.2 SHARE from 0x0000 to 0x8001 (RW) of one page at 0x80000000: 112 bytes. */
    private static final byte[] SHARE = HexBytes.of(
            "0000",               // @0  sender 0x0000
            "2f00",               // @2  attributes: Normal write-back inner shareable
            "00000000",           // @4  flags
            "0000000000000000",   // @8  handle (0 on send)
            "0000000000000000",   // @16 tag
            "20000000",           // @24 EMAD size 32
            "01000000",           // @28 EMAD count 1
            "30000000",           // @32 EMAD array offset 48
            zeros(12),            // @36 reserved
            "0180", "02", "00",   // @48 EMAD: receiver 0x8001, RW (instruction not specified), flags
            "50000000",           // @52 composite offset 80
            zeros(16),            // @56 impdef
            zeros(8),             // @72 reserved
            "01000000",           // @80 composite: total 1 page
            "01000000",           // @84 1 constituent
            zeros(8),             // @88 reserved
            "0000008000000000",   // @96 constituent: 0x80000000
            "01000000",           // @104 1 page
            zeros(4));            // @108 reserved

    /** The same with two constituents, 0x80000000 (2 pages) and {@code second} (1 page): 128 bytes. */
    private static byte[] twoConstituents(String second) {
        byte[] bytes = Arrays.copyOf(SHARE, 128);
        ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(80, 3).putInt(84, 2).putInt(104, 2);
        out.putLong(112, Long.parseLong(second, 16)).putInt(120, 1);
        return bytes;
    }

    private static byte[] with(int offset, int value, int size) {
        byte[] bytes = SHARE.clone();
        ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (size == 1) {
            out.put(offset, (byte) value);
        } else {
            out.putInt(offset, value);
        }
        return bytes;
    }

    /** The profile's answer to {@code bytes}; UNMODELLED where the model does not follow the implementation. */
    private static void expect(String profile, byte[] bytes, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        if (expected.equals("-")) {
            return;
        }
        if (expected.equals("UNMODELLED")) {
            assertThat(walk.peek(NWD, new long[] {SHARE_32, bytes.length, bytes.length}, bytes))
                    .isInstanceOf(FfaOutcome.Unmodelled.class);
        } else {
            assertOutcome(walk.sendRaw(NWD, SHARE_32, bytes), expected);
        }
    }

    @Test
    @DisplayName("the hand-written descriptor is what the encoder writes for the same transaction")
    void handWrittenMatchesEncoder() {
        MemoryTransaction share = MemoryDescriptors.send(TransactionType.SHARE, NWD, 0x8000_0000L, 1,
                to(SP1, AccessPermissions.RW));
        assertThat(TransactionDescriptorEncoder.encode(share)).isEqualTo(SHARE);
    }

    @ParameterizedTest(name = "{0}: {1} -> TF-A {4}, Hafnium {5}, OP-TEE {6}")
    @CsvSource({
            "valid, as written, 0, 0, SUCCESS, SUCCESS, SUCCESS",
            "EMAD offset 40 (inside the header), @32 = 0x28, 32, 40, INVALID_PARAMETERS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "EMAD offset 56 (not 16-aligned), @32 = 0x38, 32, 56, INVALID_PARAMETERS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "no EMADs, @28 = 0, 28, 0, INVALID_PARAMETERS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "composite offset 72 (inside the EMAD), @52 = 0x48, 52, 72, INVALID_PARAMETERS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "composite offset 128 (past the end), @52 = 0x80, 52, 128, INVALID_PARAMETERS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "constituent count 2 for one, @84 = 2, 84, 2, INVALID_PARAMETERS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "total page count 2 for 1, @80 = 2, 80, 2, INVALID_PARAMETERS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "EMAD size 24 (OP-TEE reads any size: not asserted), @24 = 24, 24, 24, INVALID_PARAMETERS, INVALID_PARAMETERS, -",
            "EMAD size 48, @24 = 48, 24, 48, UNMODELLED, INVALID_PARAMETERS, UNMODELLED"})
    @DisplayName("offsets and counts that do not describe the bytes are INVALID_PARAMETERS everywhere")
    void structure(String what, String change, int offset, int value, String tfa, String hafnium, String optee) {
        byte[] bytes = offset == 0 ? SHARE : with(offset, value, 4);
        expect("tfa-el3-spmc", bytes, tfa);
        expect("hafnium", bytes, hafnium);
        expect("optee", bytes, optee);
    }

    @ParameterizedTest(name = "{0}: @{1} = 0x{2} -> TF-A {3}, Hafnium {4}, OP-TEE {5}")
    @CsvSource({
            "header reserved, 40, 01, SUCCESS, INVALID_PARAMETERS, SUCCESS",
            "EMAD reserved, 72, 01, SUCCESS, INVALID_PARAMETERS, SUCCESS",
            "permission bits [7:4], 50, 22, SUCCESS, SUCCESS, INVALID_PARAMETERS",
            "permission data access 0b11, 50, 03, SUCCESS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "attributes bit 8, 3, 01, SUCCESS, SUCCESS, INVALID_PARAMETERS",
            "attributes bit 7, 2, af, SUCCESS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "composite reserved, 88, 01, SUCCESS, SUCCESS, SUCCESS",
            "constituent reserved, 108, 01, SUCCESS, SUCCESS, SUCCESS"})
    @DisplayName("reserved fields are MBZ, but only Hafnium checks most of them; TF-A checks none")
    void reservedFields(String what, int offset, String value, String tfa, String hafnium, String optee) {
        byte[] bytes = with(offset, Integer.parseInt(value, 16), 1);
        expect("tfa-el3-spmc", bytes, tfa);
        expect("hafnium", bytes, hafnium);
        expect("optee", bytes, optee);
    }

    @ParameterizedTest(name = "{0}: second constituent 0x{1} -> TF-A {2}, Hafnium {3}, OP-TEE {4}")
    @CsvSource({
            "overlapping the first, 80001000, SUCCESS, INVALID_PARAMETERS, SUCCESS",
            "not 4K aligned, 80100800, SUCCESS, INVALID_PARAMETERS, INVALID_PARAMETERS",
            "disjoint, 80008000, SUCCESS, SUCCESS, SUCCESS"})
    @DisplayName("constituents are 4K aligned and do not overlap; TF-A checks neither within a descriptor")
    void constituents(String what, String second, String tfa, String hafnium, String optee) {
        byte[] bytes = twoConstituents(second);
        expect("tfa-el3-spmc", bytes, tfa);
        expect("hafnium", bytes, hafnium);
        expect("optee", bytes, optee);
    }

    @Test
    @DisplayName("TF-A answers a retrieve with the sender's bytes as stored, reserved byte included")
    void tfaEchoesReservedBytes() {
        MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");
        walk.sendRaw(NWD, SHARE_32, with(40, 1, 1));
        long handle = walk.handle();
        FfaPrediction retrieved = walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW)));
        byte[] expected = with(40, 1, 1);
        ByteBuffer patch = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
        patch.putShort(2, (short) 0x6F);     // NS bit set for a v1.2 retriever
        patch.putInt(4, 0x08);               // transaction type SHARE
        patch.putLong(8, 0xFFFF_FFC0L);      // the handle
        assertThat(retrieved.rx().orElseThrow().encode()).isEqualTo(expected);
        assertThat(retrieved.rx().get().differences(expected)).isEmpty();
    }
}
