package org.fwcts.testcases.ffa;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.RelinquishDescriptor;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.testcases.support.FfaCheck;

/** Retrieve requests and relinquish descriptors as a partition writes them into its TX buffer. */
final class MemoryRetrieval {

    private MemoryRetrieval() {
    }

    /** The handle in w2/w3 of a send's results. */
    static long handle(FfaCheck send) {
        Registers results = send.observed();
        return (results.x(2) & 0xFFFF_FFFFL) | (results.x(3) & 0xFFFF_FFFFL) << 32;
    }

    /** A v1.2 retrieve request from {@code borrower} for {@code handle}, naming the transaction type. */
    static byte[] request(long handle, EndpointId sender, EndpointId borrower, TransactionType type,
            AccessPermissions permissions, int flags) {
        MemoryAttributes attributes = type == TransactionType.SHARE
                ? MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE : MemoryAttributes.NOT_SPECIFIED;
        MemoryTransaction request = MemoryTransaction.builder(sender).attributes(attributes).handle(handle)
                .flags(TransactionFlags.of(TransactionFlags.of(type).raw() | flags))
                .receiver(borrower, permissions).layout(DescriptorLayout.V1_2).build();
        return MemoryDescriptors.bytes(request);
    }

    static Registers retrieveCall(byte[] request) {
        return Registers.of(FfaFunction.FFA_MEM_RETRIEVE_REQ.smc64().orElseThrow().register(), request.length,
                request.length, 0, 0);
    }

    static byte[] relinquish(long handle, EndpointId borrower) {
        return RelinquishDescriptor.of(handle, borrower).encode();
    }

    static Registers relinquishCall() {
        return Registers.of(FfaFunction.FFA_MEM_RELINQUISH.id().register());
    }

    static Registers rxRelease() {
        return Registers.of(FfaFunction.FFA_RX_RELEASE.id().register());
    }

    /** {@code movz x0, #0x5a5a; ret}: code a test places to see whether a page executes. */
    static byte[] returnMarker() {
        return new byte[] {0x40, 0x4b, (byte) 0x8b, (byte) 0xd2, (byte) 0xc0, 0x03, 0x5f, (byte) 0xd6};
    }

    static final long MARKER = 0x5a5a;
}
