package org.fwcts.testcases.ffa;

import java.util.List;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.TransactionDescriptorEncoder;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.testcases.support.FfaFirmware;

/**
 * Memory transaction descriptors as a typical normal-world caller (Linux's FF-A driver) writes
 * them: Normal write-back inner-shareable attributes for SHARE, NOT_SPECIFIED for LEND and
 * DONATE, one constituent of scratch pages, the v1.2 layout.
 */
final class MemoryDescriptors {
    /** The first scratch page the memory tests send. */
    static final int REGION_PAGE = 8;

    private MemoryDescriptors() {
    }

    static MemoryTransaction.Builder send(FfaFirmware ffa, TransactionType type, EndpointId receiver,
            AccessPermissions permissions, int pages) {
        MemoryAttributes attributes = type == TransactionType.SHARE
                ? MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE : MemoryAttributes.NOT_SPECIFIED;
        return MemoryTransaction.builder(ffa.self()).attributes(attributes).receiver(receiver, permissions)
                .region(new Constituent(ffa.page(REGION_PAGE), pages)).layout(DescriptorLayout.V1_2);
    }

    /** The first partition of the target's topology: the FWCTS partition agent. */
    static EndpointId partition(FfaFirmware ffa) {
        return ffa.model().topology().partitions().get(0).id();
    }

    static byte[] bytes(MemoryTransaction transaction) {
        return TransactionDescriptorEncoder.encode(transaction, transaction.layout());
    }

    /** The SMC64 send of {@code type} with the whole descriptor in one fragment in the TX buffer. */
    static Registers sendCall(TransactionType type, byte[] descriptor) {
        return sendCall(type, descriptor.length, descriptor.length);
    }

    static Registers sendCall(TransactionType type, long total, long fragment) {
        return Registers.of(function(type).smc64().orElseThrow().register(), total, fragment, 0, 0);
    }

    static FfaFunction function(TransactionType type) {
        switch (type) {
            case SHARE:
                return FfaFunction.FFA_MEM_SHARE;
            case LEND:
                return FfaFunction.FFA_MEM_LEND;
            case DONATE:
                return FfaFunction.FFA_MEM_DONATE;
            default:
                throw new IllegalArgumentException("no send for " + type);
        }
    }

    /** FFA_MEM_RECLAIM of the handle in w2/w3 of a send's results. */
    static Registers reclaimCall(Registers sendResults, long flags) {
        return Registers.of(FfaFunction.FFA_MEM_RECLAIM.id().register(), sendResults.x(2) & 0xFFFF_FFFFL,
                sendResults.x(3) & 0xFFFF_FFFFL, flags);
    }

    static List<TransactionType> sendTypes() {
        return List.of(TransactionType.SHARE, TransactionType.LEND, TransactionType.DONATE);
    }
}
