package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sending memory from the normal world and reclaiming it, and every malformed or misused send
 * the rules distinguish. Each test reclaims what it sent.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:memory")
@DisplayName("FF-A memory send and reclaim")
class FfaMemorySendTests {

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
    }

    private static byte[] share(FfaFirmware ffa, int pages) {
        return MemoryDescriptors.bytes(MemoryDescriptors.send(ffa, TransactionType.SHARE,
                MemoryDescriptors.partition(ffa), AccessPermissions.RW, pages).build());
    }

    /** Sends, checks the send, and reclaims if the target accepted it. */
    private static void sendAndReclaim(FfaFirmware ffa, Registers call, byte[] descriptor) {
        FfaCheck send = ffa.call(call, descriptor);
        assertThatCall(send).matchesModel();
        if ((send.observed().x(0) & 0xFFFF_FFFFL) == FfaFunction.FFA_SUCCESS.x0()) {
            assertThatCall(ffa.call(MemoryDescriptors.reclaimCall(send.observed(), 0))).matchesModel();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransactionType.class, names = {"SHARE", "LEND", "DONATE"})
    @Tag("rule:FFA.MEM.SEND.SUCCESS")
    @Tag("rule:FFA.MEM.RECLAIM")
    @Tag("rule:FFA.MEM.RECLAIM.HANDLE")
    @DisplayName("a well-formed send to the partition, then its reclaim, then a second reclaim of the freed handle")
    void sendThenReclaimTwice(TransactionType type, FfaFirmware ffa) {
        AccessPermissions permissions = type == TransactionType.DONATE ? AccessPermissions.NOT_SPECIFIED
                : AccessPermissions.RW;
        byte[] descriptor = MemoryDescriptors.bytes(MemoryDescriptors.send(ffa, type, MemoryDescriptors.partition(ffa),
                permissions, 2).build());
        FfaCheck send = ffa.call(MemoryDescriptors.sendCall(type, descriptor), descriptor);
        assertThatCall(send).matchesModel();
        if ((send.observed().x(0) & 0xFFFF_FFFFL) == FfaFunction.FFA_SUCCESS.x0()) {
            assertThatCall(ffa.call(MemoryDescriptors.reclaimCall(send.observed(), 0))).matchesModel();
            assertThatCall(ffa.call(MemoryDescriptors.reclaimCall(send.observed(), 0))).matchesModel();
        }
    }

    @Test
    @Tag("rule:FFA.MEM.SEND.SUCCESS")
    @DisplayName("the SMC32 form of FFA_MEM_SHARE")
    void share32(FfaFirmware ffa) {
        byte[] descriptor = share(ffa, 1);
        long smc32 = FfaFunction.FFA_MEM_SHARE.smc32().orElseThrow().register();
        sendAndReclaim(ffa, Registers.of(smc32, descriptor.length, descriptor.length), descriptor);
    }

    @Test
    @Tag("rule:FFA.MEM.SEND.RECEIVER_KNOWN")
    @DisplayName("a share that names the same receiver twice")
    void receiverNamedTwice(FfaFirmware ffa) {
        byte[] descriptor = MemoryDescriptors.bytes(MemoryDescriptors.send(ffa, TransactionType.SHARE,
                MemoryDescriptors.partition(ffa), AccessPermissions.RW, 1)
                .receiver(MemoryDescriptors.partition(ffa), AccessPermissions.RW).build());
        sendAndReclaim(ffa, MemoryDescriptors.sendCall(TransactionType.SHARE, descriptor), descriptor);
    }

    @Test
    @Tag("rule:FFA.MEM.RECLAIM")
    @DisplayName("reclaim of a handle nobody allocated, and reclaim with the zero-memory flag")
    void reclaimMisuse(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FfaFunction.FFA_MEM_RECLAIM.id().register(), 0x1234, 0x5678, 0)))
                .matchesModel();
        byte[] descriptor = share(ffa, 1);
        FfaCheck send = ffa.call(MemoryDescriptors.sendCall(TransactionType.SHARE, descriptor), descriptor);
        assertThatCall(send).matchesModel();
        assertThatCall(ffa.call(MemoryDescriptors.reclaimCall(send.observed(), 1))).matchesModel();
        assertThatCall(ffa.call(MemoryDescriptors.reclaimCall(send.observed(), 0))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.MEM.SEND.OVERLAP")
    @DisplayName("sending pages that are already in a transaction")
    void overlappingSend(FfaFirmware ffa) {
        byte[] descriptor = share(ffa, 2);
        FfaCheck first = ffa.call(MemoryDescriptors.sendCall(TransactionType.SHARE, descriptor), descriptor);
        assertThatCall(first).matchesModel();
        sendAndReclaim(ffa, MemoryDescriptors.sendCall(TransactionType.SHARE, descriptor), descriptor);
        assertThatCall(ffa.call(MemoryDescriptors.reclaimCall(first.observed(), 0))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.MEM.SEND.FRAG_RX")
    @Tag("rule:FFA.MEM.SEND.FRAG_TX.HANDLE")
    @DisplayName("a send in two fragments: FFA_MEM_FRAG_RX after the first, the handle after FFA_MEM_FRAG_TX")
    void fragmentedSend(FfaFirmware ffa) {
        byte[] descriptor = share(ffa, 1);
        int first = 96;
        byte[] head = java.util.Arrays.copyOf(descriptor, first);
        byte[] tail = java.util.Arrays.copyOfRange(descriptor, first, descriptor.length);
        FfaCheck start = ffa.call(MemoryDescriptors.sendCall(TransactionType.SHARE, descriptor.length, first), head);
        assertThatCall(start).matchesModel();
        long fragTx = FfaFunction.FFA_MEM_FRAG_TX.id().register();
        FfaCheck rest = ffa.call(Registers.of(fragTx, start.observed().x(1), start.observed().x(2), tail.length), tail);
        assertThatCall(rest).matchesModel();
        if ((rest.observed().x(0) & 0xFFFF_FFFFL) == FfaFunction.FFA_SUCCESS.x0()) {
            assertThatCall(ffa.call(MemoryDescriptors.reclaimCall(rest.observed(), 0))).matchesModel();
        }
    }

    /** One field of a well-formed v1.2 share descriptor (one receiver, one constituent), changed. */
    static Stream<Arguments> malformedDescriptors() {
        return Stream.of(
                field("sender is not the caller", 0, 2, 0x0005),
                field("NS bit set in the attributes", 2, 2, 0x2F | 0x40),
                field("reserved attribute bit 7 set", 2, 2, 0x2F | 0x80),
                field("zero-memory flag on a SHARE", 4, 4, 0x1),
                field("time-slicing flag", 4, 4, 0x2),
                field("zero-after-relinquish flag on a send", 4, 4, 0x4),
                field("transaction type bits SHARE in the flags", 4, 4, 0x8),
                field("transaction type bits LEND on a SHARE", 4, 4, 0x10),
                field("reserved flag bit 11", 4, 4, 1 << 11),
                field("a non-zero handle", 8, 8, 0x1),
                field("EMAD size 24", 24, 4, 24),
                field("EMAD count 0", 28, 4, 0),
                field("EMAD offset inside the header", 32, 4, 40),
                field("EMAD offset not 16-byte aligned", 32, 4, 52),
                field("reserved header bytes set", 36, 4, 1),
                field("receiver that does not exist", 48, 2, 0x8009),
                field("receiver is the sender", 48, 2, 0x0000),
                field("permissions with a reserved bit", 50, 1, 0x12),
                field("data access NOT_SPECIFIED on a SHARE", 50, 1, 0x00),
                field("instruction access X on a SHARE", 50, 1, 0x0A),
                field("composite offset past the end", 52, 4, 0x1000),
                field("composite offset not 16-byte aligned", 52, 4, 84),
                field("total page count larger than the constituents", 80, 4, 2),
                field("constituent count 2 with one constituent", 84, 4, 2),
                field("constituent address 2 KiB into a page", 96, 8, -1),
                field("constituent with no pages", 104, 4, 0));
    }

    private static Arguments field(String what, int offset, int width, long value) {
        return Arguments.of(what, offset, width, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDescriptors")
    @Tag("rule:FFA.MEM.DESC.EMAD_OFFSET")
    @Tag("rule:FFA.MEM.DESC.HEADER_RESERVED")
    @Tag("rule:FFA.MEM.SEND.RECEIVER_KNOWN")
    @Tag("rule:FFA.MEM.DESC.PERMISSIONS_RESERVED")
    @Tag("rule:FFA.MEM.SEND.DATA_ACCESS")
    @Tag("rule:FFA.MEM.SEND.INSTRUCTION_ACCESS")
    @Tag("rule:FFA.MEM.DESC.COMPOSITE_BOUNDS")
    @Tag("rule:FFA.MEM.DESC.COMPOSITE_OFFSET_ALIGNMENT")
    @Tag("rule:FFA.MEM.DESC.TOTAL_PAGE_COUNT")
    @Tag("rule:FFA.MEM.DESC.CONSTITUENT_COUNT")
    @Tag("rule:FFA.MEM.DESC.CONSTITUENT_ALIGNMENT")
    @Tag("rule:FFA.MEM.DESC.CONSTITUENT_EMPTY")
    @DisplayName("a malformed or misused share descriptor is refused with the implementation's error")
    void malformedDescriptor(String what, int offset, int width, long value, FfaFirmware ffa) {
        byte[] descriptor = share(ffa, 1);
        ByteBuffer bytes = ByteBuffer.wrap(descriptor).order(ByteOrder.LITTLE_ENDIAN);
        long changed = value == -1 ? ffa.page(MemoryDescriptors.REGION_PAGE) + 0x800 : value;
        switch (width) {
            case 1 -> bytes.put(offset, (byte) changed);
            case 2 -> bytes.putShort(offset, (short) changed);
            case 4 -> bytes.putInt(offset, (int) changed);
            default -> bytes.putLong(offset, changed);
        }
        sendAndReclaim(ffa, MemoryDescriptors.sendCall(TransactionType.SHARE, descriptor), descriptor);
    }

    static Stream<Arguments> misusedRegisters() {
        return Stream.of(
                Arguments.of("fragment longer than the total", 0, 16, 0L, 0L),
                Arguments.of("total length 0", -1, 0, 0L, 0L),
                Arguments.of("descriptor in a separate buffer (x3/w4)", 0, 0, 1L, 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misusedRegisters")
    @Tag("rule:FFA.MEM.SEND.FRAGMENT_LENGTH")
    @Tag("rule:FFA.MEM.TX_BUFFER")
    @DisplayName("send registers the rules refuse: lengths and the buffer address")
    void misusedRegisters(String what, int totalDelta, int fragmentDelta, long bufferPage, long bufferPages,
            FfaFirmware ffa) {
        byte[] descriptor = share(ffa, 1);
        long total = totalDelta == -1 ? 0 : descriptor.length + totalDelta;
        long fragment = totalDelta == -1 ? 0 : descriptor.length + fragmentDelta;
        long buffer = bufferPage == 0 ? 0 : ffa.page(20);
        Registers call = Registers.of(FfaFunction.FFA_MEM_SHARE.smc64().orElseThrow().register(), total, fragment,
                buffer, bufferPages);
        sendAndReclaim(ffa, call, descriptor);
    }
}
