package org.fwcts.testcases.mediator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.RelinquishDescriptor;
import org.fwcts.model.ffa.memory.TransactionDescriptorEncoder;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.memory.TransactionType;

/**
 * Memory share descriptors as a VM writes them for Xen's mediator (Linux's FF-A driver's way: Normal
 * write-back inner-shareable, one SP with read-write access, the v1.2 layout), the SP's retrieve
 * and relinquish, and the calls that carry them.
 */
final class MediatorShares {
    /** The scratch page a VM shares. */
    static final int SHARED_PAGE = 12;
    static final long SHARE_64 = FfaFunction.FFA_MEM_SHARE.x0Smc64();
    static final long RECLAIM = FfaFunction.FFA_MEM_RECLAIM.x0();

    private MediatorShares() {
    }

    /** A share of {@code pages} pages at {@code address} from {@code sender} to {@code sp}. */
    static MemoryTransaction.Builder share(EndpointId sender, EndpointId sp, long address, int pages) {
        return MemoryTransaction.builder(sender).attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .receiver(sp, AccessPermissions.RW).region(new Constituent(address, pages)).layout(DescriptorLayout.V1_2);
    }

    static byte[] bytes(MemoryTransaction transaction) {
        return TransactionDescriptorEncoder.encode(transaction, transaction.layout());
    }

    /** FFA_MEM_SHARE_64 with the whole descriptor in one fragment in the TX buffer. */
    static Registers shareCall(byte[] descriptor) {
        return Registers.of(SHARE_64, descriptor.length, descriptor.length, 0, 0);
    }

    static long handle(Registers shareResults) {
        return (shareResults.x(2) & 0xFFFF_FFFFL) | (shareResults.x(3) & 0xFFFF_FFFFL) << 32;
    }

    static Registers reclaimCall(long handle) {
        return Registers.of(RECLAIM, handle & 0xFFFF_FFFFL, handle >>> 32, 0);
    }

    /** The SP's v1.2 retrieve request for {@code handle}, shared by {@code sender}. */
    static byte[] retrieveRequest(long handle, EndpointId sender, EndpointId sp) {
        return bytes(MemoryTransaction.builder(sender).attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .handle(handle).flags(TransactionFlags.of(TransactionType.SHARE)).receiver(sp, AccessPermissions.RW)
                .layout(DescriptorLayout.V1_2).build());
    }

    static Registers retrieveCall(byte[] request) {
        return Registers.of(FfaFunction.FFA_MEM_RETRIEVE_REQ.smc64().orElseThrow().register(), request.length,
                request.length, 0, 0);
    }

    static byte[] relinquish(long handle, EndpointId sp) {
        return RelinquishDescriptor.of(handle, sp).encode();
    }

    static Registers relinquishCall() {
        return Registers.of(FfaFunction.FFA_MEM_RELINQUISH.id().register());
    }

    /** The address of the first range of a v1.2 retrieve response: where the SP finds the VM's page. */
    static long firstRangeAddress(byte[] response) {
        ByteBuffer b = ByteBuffer.wrap(response).order(ByteOrder.LITTLE_ENDIAN);
        int emad = b.getInt(32);
        int region = b.getInt(emad + 4);
        return b.getLong(region + 16);
    }
}
