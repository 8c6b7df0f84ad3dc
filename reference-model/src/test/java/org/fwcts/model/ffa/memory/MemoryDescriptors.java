package org.fwcts.model.ffa.memory;

import java.util.List;
import org.fwcts.model.ffa.EndpointId;

/** Send descriptors and retrieve requests for the memory tests, built with the descriptor encoder's types. */
final class MemoryDescriptors {
    private MemoryDescriptors() {
    }

    /**
     * A send from {@code sender} of {@code pages} pages at {@code base} to {@code receivers}, v1.2 layout.
     * Attributes are Normal write-back inner shareable where the sender states them (SHARE, LEND to
     * several), and left to the borrower otherwise, as ffa-memory.md §4 asks.
     */
    static MemoryTransaction send(TransactionType type, EndpointId sender, long base, int pages,
            EndpointAccess... receivers) {
        boolean borrowerChooses = type == TransactionType.DONATE || type == TransactionType.LEND && receivers.length == 1;
        MemoryTransaction.Builder builder = MemoryTransaction.builder(sender)
                .attributes(borrowerChooses ? MemoryAttributes.NOT_SPECIFIED
                        : MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .region(Constituent.of(base, pages));
        for (EndpointAccess receiver : receivers) {
            builder.receiver(receiver);
        }
        return builder.build();
    }

    static EndpointAccess to(EndpointId receiver, AccessPermissions permissions) {
        return EndpointAccess.of(receiver, permissions);
    }

    /** A retrieve request for {@code handle}: the sender, no flags, tag 0, one EMAD per receiver, no region. */
    static MemoryTransaction request(EndpointId sender, long handle, EndpointAccess... receivers) {
        return new MemoryTransaction(sender, MemoryAttributes.NOT_SPECIFIED, TransactionFlags.NONE, handle, 0,
                List.of(receivers), java.util.Optional.empty(), DescriptorLayout.V1_2);
    }
}
