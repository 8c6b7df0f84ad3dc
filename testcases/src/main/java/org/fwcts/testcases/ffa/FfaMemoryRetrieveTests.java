package org.fwcts.testcases.ffa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.stream.Stream;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.InstructionAccess;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.PartitionAgent;
import org.fwcts.testcases.support.PartitionExchange;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Memory the normal world sends to the partition agent, which retrieves it, uses it and gives
 * it back: every step checked against the model, the retrieve response in the partition's RX
 * buffer field by field, and the region's contents by hashing it from the partition.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:memory")
@DisplayName("FF-A memory retrieve, relinquish and reclaim")
class FfaMemoryRetrieveTests {
    private static final int PAGES = 1;
    private static final int PATTERN = 0xA5;
    private PartitionAgent partition;

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
        partition = PartitionAgent.first(ffa);
        partition.ready();
    }

    private static long region(FfaFirmware ffa) {
        return ffa.page(MemoryDescriptors.REGION_PAGE);
    }

    /** The normal world fills the region, then sends it; returns the send's check. */
    private static FfaCheck send(FfaFirmware ffa, TransactionType type, AccessPermissions permissions, int flags,
            RegionContents contents) {
        assertThat(ffa.memory().fill(region(ffa), contents.length(), PATTERN)).isInstanceOf(AgentMemory.Result.Done.class);
        contents.fill(PATTERN);
        var builder = MemoryDescriptors.send(ffa, type, partitionId(ffa), permissions, PAGES);
        builder.flags(org.fwcts.model.ffa.memory.TransactionFlags.of(flags));
        byte[] descriptor = MemoryDescriptors.bytes(builder.build());
        FfaCheck send = ffa.call(MemoryDescriptors.sendCall(type, descriptor), descriptor);
        assertThatCall(send).matchesModel();
        contents.apply(send);
        return send;
    }

    private static EndpointId partitionId(FfaFirmware ffa) {
        return MemoryDescriptors.partition(ffa);
    }

    private FfaCheck retrieve(FfaFirmware ffa, long handle, TransactionType type, AccessPermissions permissions,
            int flags, RegionContents contents) {
        byte[] request = MemoryRetrieval.request(handle, ffa.self(), partition.id(), type, permissions, flags);
        FfaCheck retrieve = partition.call(MemoryRetrieval.retrieveCall(request), request);
        assertThatCall(retrieve).matchesModel();
        contents.apply(retrieve);
        if (partitionRxFull(ffa)) {
            assertThatCall(partition.call(MemoryRetrieval.rxRelease())).matchesModel();
        }
        return retrieve;
    }

    private boolean partitionRxFull(FfaFirmware ffa) {
        return ffa.state().endpoint(partition.id()).mailbox().map(box -> box.rxFull()).orElse(false);
    }

    private void giveBack(FfaFirmware ffa, long handle, boolean retrieved) {
        if (retrieved) {
            byte[] relinquish = MemoryRetrieval.relinquish(handle, partition.id());
            assertThatCall(partition.call(MemoryRetrieval.relinquishCall(), relinquish)).matchesModel();
        }
        assertThatCall(ffa.call(org.fwcts.model.Registers.of(0x8400_0077L, handle & 0xFFFF_FFFFL, handle >>> 32, 0)))
                .matchesModel();
    }

    private static boolean succeeded(FfaCheck check, long function) {
        return (check.observed().x(0) & 0xFFFF_FFFFL) == function;
    }

    static Stream<Arguments> transactions() {
        return Stream.of(
                Arguments.of(TransactionType.SHARE, AccessPermissions.RW, AccessPermissions.RW),
                Arguments.of(TransactionType.SHARE, AccessPermissions.RO, AccessPermissions.RO),
                Arguments.of(TransactionType.SHARE, AccessPermissions.RW, AccessPermissions.RO),
                Arguments.of(TransactionType.SHARE, AccessPermissions.RW,
                        AccessPermissions.of(DataAccess.NOT_SPECIFIED, InstructionAccess.NOT_SPECIFIED)),
                Arguments.of(TransactionType.LEND, AccessPermissions.RW, AccessPermissions.RW_NX),
                Arguments.of(TransactionType.LEND, AccessPermissions.RO, AccessPermissions.RO_NX),
                Arguments.of(TransactionType.LEND, AccessPermissions.RW,
                        AccessPermissions.of(DataAccess.RW, InstructionAccess.X)));
    }

    @ParameterizedTest(name = "{0} {1}, retrieved as {2}")
    @MethodSource("transactions")
    @Tag("rule:FFA.MEM.RETRIEVE")
    @Tag("rule:FFA.MEM.RELINQUISH")
    @Tag("rule:FFA.MEM.RECLAIM")
    @DisplayName("send, retrieve (response checked field by field), read by the partition, relinquish, reclaim")
    void roundTrip(TransactionType type, AccessPermissions sent, AccessPermissions requested, FfaFirmware ffa) {
        RegionContents contents = new RegionContents(region(ffa), PAGES * 4096, PATTERN);
        FfaCheck send = send(ffa, type, sent, 0, contents);
        if (!succeeded(send, 0x8400_0061L)) {
            return;
        }
        long handle = MemoryRetrieval.handle(send);
        FfaCheck retrieve = retrieve(ffa, handle, type, requested, 0, contents);
        boolean retrieved = succeeded(retrieve, 0x8400_0075L);
        if (retrieved) {
            PartitionExchange hash = partition.hash(region(ffa), contents.length());
            assertThat(hash.status()).as("the partition reads the region it retrieved").isEqualTo(PartitionStatus.OK);
            assertThat(hash.result(1)).as("CRC-32 of the region as the partition reads it").isEqualTo(contents.crc());
        }
        giveBack(ffa, handle, retrieved);
    }

    @Test
    @Tag("rule:FFA.MEM.RECLAIM")
    @DisplayName("reclaim while the partition holds the memory is refused; after relinquish it succeeds")
    void reclaimWhileRetrieved(FfaFirmware ffa) {
        RegionContents contents = new RegionContents(region(ffa), PAGES * 4096, PATTERN);
        FfaCheck send = send(ffa, TransactionType.LEND, AccessPermissions.RW, 0, contents);
        long handle = MemoryRetrieval.handle(send);
        FfaCheck retrieve = retrieve(ffa, handle, TransactionType.LEND, AccessPermissions.RW_NX, 0, contents);
        assertThatCall(ffa.call(org.fwcts.model.Registers.of(0x8400_0077L, handle & 0xFFFF_FFFFL, handle >>> 32, 0)))
                .matchesModel();
        giveBack(ffa, handle, succeeded(retrieve, 0x8400_0075L));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("a handle nobody allocated", 0x1234L, 0, 0, 0),
                Arguments.of("the wrong sender", 0L, 0x8001, 0, 0),
                Arguments.of("the wrong tag", 0L, 0, 1, 0),
                Arguments.of("the LEND type bits on a SHARE", 0L, 0, 0, 0x10),
                Arguments.of("the zero-before-retrieve flag on a SHARE", 0L, 0, 0, 0x1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    @Tag("rule:FFA.MEM.RETRIEVE")
    @DisplayName("a retrieve request that does not match the transaction is refused")
    void badRetrieve(String what, long handleDelta, int sender, int tag, int flags, FfaFirmware ffa) {
        RegionContents contents = new RegionContents(region(ffa), PAGES * 4096, PATTERN);
        FfaCheck send = send(ffa, TransactionType.SHARE, AccessPermissions.RW, 0, contents);
        long handle = MemoryRetrieval.handle(send);
        EndpointId named = sender == 0 ? ffa.self() : EndpointId.of(sender);
        var builder = org.fwcts.model.ffa.memory.MemoryTransaction.builder(named)
                .attributes(org.fwcts.model.ffa.memory.MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .handle(handle + handleDelta).tag(tag)
                .flags(org.fwcts.model.ffa.memory.TransactionFlags.of(flags == 0x10 ? 0x10 : 0x8 | flags))
                .receiver(partition.id(), AccessPermissions.RW);
        byte[] request = MemoryDescriptors.bytes(builder.build());
        FfaCheck retrieve = partition.call(MemoryRetrieval.retrieveCall(request), request);
        assertThatCall(retrieve).matchesModel();
        boolean retrieved = succeeded(retrieve, 0x8400_0075L);
        if (retrieved && partitionRxFull(ffa)) {
            assertThatCall(partition.call(MemoryRetrieval.rxRelease())).matchesModel();
        }
        giveBack(ffa, handle, retrieved);
    }

    @Test
    @Tag("rule:FFA.MEM.RETRIEVE")
    @DisplayName("a second retrieve by the same partition without relinquishing in between")
    void retrieveTwice(FfaFirmware ffa) {
        RegionContents contents = new RegionContents(region(ffa), PAGES * 4096, PATTERN);
        FfaCheck send = send(ffa, TransactionType.SHARE, AccessPermissions.RW, 0, contents);
        long handle = MemoryRetrieval.handle(send);
        FfaCheck first = retrieve(ffa, handle, TransactionType.SHARE, AccessPermissions.RW, 0, contents);
        FfaCheck second = retrieve(ffa, handle, TransactionType.SHARE, AccessPermissions.RW, 0, contents);
        if (succeeded(second, 0x8400_0075L)) {
            byte[] relinquish = MemoryRetrieval.relinquish(handle, partition.id());
            assertThatCall(partition.call(MemoryRetrieval.relinquishCall(), relinquish)).matchesModel();
        }
        giveBack(ffa, handle, succeeded(first, 0x8400_0075L));
    }

    @Test
    @Tag("rule:FFA.MEM.CLEAR")
    @DisplayName("LEND with the clear-memory flag: the partition finds the region zeroed, or the send is refused")
    void lendCleared(FfaFirmware ffa) {
        RegionContents contents = new RegionContents(region(ffa), PAGES * 4096, PATTERN);
        FfaCheck send = send(ffa, TransactionType.LEND, AccessPermissions.RW, 0x1, contents);
        if (!succeeded(send, 0x8400_0061L)) {
            return;
        }
        long handle = MemoryRetrieval.handle(send);
        FfaCheck retrieve = retrieve(ffa, handle, TransactionType.LEND, AccessPermissions.RW_NX, 0x1, contents);
        boolean retrieved = succeeded(retrieve, 0x8400_0075L);
        if (retrieved) {
            assertThat(partition.hash(region(ffa), contents.length()).result(1))
                    .as("CRC-32 of the region after the clear flags, as the model says it holds")
                    .isEqualTo(contents.crc());
        }
        giveBack(ffa, handle, retrieved);
    }
}
