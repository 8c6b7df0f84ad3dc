package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.PartitionAgent;
import org.fwcts.testcases.support.TargetUnresponsiveException;

/**
 * One memory transaction between the normal world and the partition agent, step by step, each
 * step a call checked against the model: fill or plant code in the region, send it, retrieve it
 * from the partition, relinquish, reclaim. Tracks the region's expected contents.
 */
final class MemoryScenario {
    static final long FFA_SUCCESS = FfaFunction.FFA_SUCCESS.x0();
    static final long FFA_MEM_RETRIEVE_RESP = FfaFunction.FFA_MEM_RETRIEVE_RESP.x0();
    private static final int PATTERN = 0xA5;

    private final FfaFirmware ffa;
    private final PartitionAgent partition;
    private final RegionContents contents;

    MemoryScenario(FfaFirmware ffa, int pages) {
        ffa.ready();
        this.ffa = ffa;
        this.partition = PartitionAgent.first(ffa);
        this.partition.ready();
        this.contents = new RegionContents(region(), pages * 4096, PATTERN);
    }

    PartitionAgent partition() {
        return partition;
    }

    RegionContents contents() {
        return contents;
    }

    long region() {
        return ffa.page(MemoryDescriptors.REGION_PAGE);
    }

    static boolean is(FfaCheck check, long function) {
        return (check.observed().x(0) & 0xFFFF_FFFFL) == function;
    }

    /** Fills the region with the test pattern from the normal world. */
    void fill() {
        require(ffa.memory().fill(region(), contents.length(), PATTERN), "fill the test region");
        contents.fill(PATTERN);
    }

    /** Places {@code movz x0, #MARKER; ret} at the region's start from the normal world. */
    void plantMarker() {
        require(ffa.memory().write(region(), MemoryRetrieval.returnMarker()), "place code in the test region");
    }

    /** The normal world sends the region to the partition; returns the checked send. */
    FfaCheck send(TransactionType type, AccessPermissions permissions, int flags) {
        byte[] descriptor = MemoryDescriptors.bytes(MemoryDescriptors.send(ffa, type, partition.id(), permissions,
                contents.length() / 4096).flags(TransactionFlags.of(flags)).build());
        FfaCheck send = ffa.call(MemoryDescriptors.sendCall(type, descriptor), descriptor);
        assertThatCall(send).matchesModel();
        contents.apply(send);
        return send;
    }

    /** The partition retrieves {@code handle}; its RX buffer is released after a response. */
    FfaCheck retrieve(long handle, TransactionType type, AccessPermissions permissions, int flags) {
        byte[] request = MemoryRetrieval.request(handle, ffa.self(), partition.id(), type, permissions, flags);
        return retrieve(request);
    }

    /** The partition retrieves with {@code request} as its TX buffer holds it. */
    FfaCheck retrieve(byte[] request) {
        FfaCheck retrieve = partition.call(MemoryRetrieval.retrieveCall(request), request);
        assertThatCall(retrieve).matchesModel();
        contents.apply(retrieve);
        if (ffa.state().endpoint(partition.id()).mailbox().map(box -> box.rxFull()).orElse(false)) {
            assertThatCall(partition.call(MemoryRetrieval.rxRelease())).matchesModel();
        }
        return retrieve;
    }

    void relinquish(long handle) {
        byte[] relinquish = MemoryRetrieval.relinquish(handle, partition.id());
        assertThatCall(partition.call(MemoryRetrieval.relinquishCall(), relinquish)).matchesModel();
    }

    FfaCheck reclaim(long handle) {
        FfaCheck reclaim = ffa.call(Registers.of(FfaFunction.FFA_MEM_RECLAIM.id().register(), handle & 0xFFFF_FFFFL,
                handle >>> 32, 0));
        assertThatCall(reclaim).matchesModel();
        return reclaim;
    }

    /** Relinquishes (when the partition holds it) and reclaims: the region is the owner's again. */
    void giveBack(long handle, boolean retrieved, TransactionType type) {
        if (type == TransactionType.DONATE) {
            return;
        }
        if (retrieved) {
            relinquish(handle);
        }
        reclaim(handle);
    }

    private static void require(AgentMemory.Result result, String what) {
        if (!(result instanceof AgentMemory.Result.Done)) {
            throw new TargetUnresponsiveException("could not " + what + ": " + result);
        }
    }
}
