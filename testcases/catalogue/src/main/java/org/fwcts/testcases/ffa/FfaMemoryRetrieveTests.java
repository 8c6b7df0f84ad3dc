package org.fwcts.testcases.ffa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.testcases.ffa.MemoryScenario.FFA_MEM_RETRIEVE_RESP;
import static org.fwcts.testcases.ffa.MemoryScenario.FFA_SUCCESS;
import static org.fwcts.testcases.ffa.MemoryScenario.is;

import java.util.stream.Stream;
import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.InstructionAccess;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
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
    private MemoryScenario scenario;

    @BeforeEach
    void ready(FfaFirmware ffa) {
        scenario = new MemoryScenario(ffa, 1);
        scenario.fill();
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
    @Tag("rule:FFA.MEM.RETRIEVE.RESPONSE_CONTENTS")
    @Tag("rule:FFA.MEM.RELINQUISH")
    @Tag("rule:FFA.MEM.RECLAIM")
    @DisplayName("send, retrieve (response checked field by field), read by the partition, relinquish, reclaim")
    void roundTrip(TransactionType type, AccessPermissions sent, AccessPermissions requested) {
        FfaCheck send = scenario.send(type, sent, 0);
        if (!is(send, FFA_SUCCESS)) {
            return;
        }
        long handle = MemoryRetrieval.handle(send);
        boolean retrieved = is(scenario.retrieve(handle, type, requested, 0), FFA_MEM_RETRIEVE_RESP);
        if (retrieved) {
            PartitionExchange hash = scenario.partition().hash(scenario.region(), scenario.contents().length());
            assertThat(hash.status()).as("the partition reads the region it retrieved").isEqualTo(PartitionStatus.OK);
            assertThat(hash.result(1)).as("CRC-32 of the region as the partition reads it")
                    .isEqualTo(scenario.contents().crc());
        }
        scenario.giveBack(handle, retrieved, type);
    }

    @Test
    @Tag("rule:FFA.MEM.RECLAIM")
    @DisplayName("reclaim while the partition holds the memory is refused; after relinquish it succeeds")
    void reclaimWhileRetrieved() {
        long handle = MemoryRetrieval.handle(scenario.send(TransactionType.LEND, AccessPermissions.RW, 0));
        FfaCheck retrieve = scenario.retrieve(handle, TransactionType.LEND, AccessPermissions.RW_NX, 0);
        scenario.reclaim(handle);
        scenario.giveBack(handle, is(retrieve, FFA_MEM_RETRIEVE_RESP), TransactionType.LEND);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("a handle nobody allocated", 0x1234L, 0, 0, 0x8),
                Arguments.of("the wrong sender", 0L, 0x8001, 0, 0x8),
                Arguments.of("the wrong tag", 0L, 0, 1, 0x8),
                Arguments.of("the LEND type bits on a SHARE", 0L, 0, 0, 0x10),
                Arguments.of("the zero-before-retrieve flag on a SHARE", 0L, 0, 0, 0x9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    @Tag("rule:FFA.MEM.RETRIEVE.HANDLE")
    @Tag("rule:FFA.MEM.RETRIEVE.SENDER")
    @Tag("rule:FFA.MEM.RETRIEVE.TAG")
    @Tag("rule:FFA.MEM.RETRIEVE.FLAGS")
    @DisplayName("a retrieve request that does not match the transaction is refused")
    void badRetrieve(String what, long handleDelta, int sender, int tag, int flags, FfaFirmware ffa) {
        long handle = MemoryRetrieval.handle(scenario.send(TransactionType.SHARE, AccessPermissions.RW, 0));
        EndpointId named = sender == 0 ? ffa.self() : EndpointId.of(sender);
        MemoryTransaction request = MemoryTransaction.builder(named)
                .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE).handle(handle + handleDelta).tag(tag)
                .flags(TransactionFlags.of(flags)).receiver(scenario.partition().id(), AccessPermissions.RW).build();
        FfaCheck retrieve = scenario.retrieve(MemoryDescriptors.bytes(request));
        scenario.giveBack(handle, is(retrieve, FFA_MEM_RETRIEVE_RESP), TransactionType.SHARE);
    }

    @Test
    @Tag("rule:FFA.MEM.RETRIEVE.TWICE")
    @DisplayName("a second retrieve by the same partition without relinquishing in between")
    void retrieveTwice() {
        long handle = MemoryRetrieval.handle(scenario.send(TransactionType.SHARE, AccessPermissions.RW, 0));
        FfaCheck first = scenario.retrieve(handle, TransactionType.SHARE, AccessPermissions.RW, 0);
        if (is(scenario.retrieve(handle, TransactionType.SHARE, AccessPermissions.RW, 0), FFA_MEM_RETRIEVE_RESP)) {
            scenario.relinquish(handle);
        }
        scenario.giveBack(handle, is(first, FFA_MEM_RETRIEVE_RESP), TransactionType.SHARE);
    }

    @Test
    @Tag("rule:FFA.MEM.ZERO.SEND")
    @Tag("rule:FFA.MEM.ZERO.RETRIEVE")
    @DisplayName("LEND with the clear-memory flag: the partition finds the region zeroed, or the send is refused")
    void lendCleared() {
        FfaCheck send = scenario.send(TransactionType.LEND, AccessPermissions.RW, 0x1);
        if (!is(send, FFA_SUCCESS)) {
            return;
        }
        long handle = MemoryRetrieval.handle(send);
        boolean retrieved = is(scenario.retrieve(handle, TransactionType.LEND, AccessPermissions.RW_NX, 0x1),
                FFA_MEM_RETRIEVE_RESP);
        if (retrieved) {
            assertThat(scenario.partition().hash(scenario.region(), scenario.contents().length()).result(1))
                    .as("CRC-32 of the region after the clear flags, as the model says it holds")
                    .isEqualTo(scenario.contents().crc());
        }
        scenario.giveBack(handle, retrieved, TransactionType.LEND);
    }
}
