package org.fwcts.model.ffa.memory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.OwnedRange;

/**
 * What the SPMC holds about one complete memory transaction (DEN0077A, "Memory management"): the
 * sender's descriptor, each borrower's state, and the owner's access before the send, which reclaim
 * restores.
 *
 * @param handle the handle the SPMC chose
 * @param type SHARE, LEND or DONATE
 * @param descriptor the sender's descriptor as decoded, handle and transaction type filled in
 * @param sentBytes the descriptor bytes as the sender wrote them, for an SPMC that answers a retrieve
 *     with them (empty when the SPMC converted them, as from a v1.0 sender)
 * @param borrowers the receivers, in descriptor order
 * @param ownerAccessBefore the sender's access to the region's pages at the send (pages absent had none)
 * @param fragmentConstituents how many constituents each send fragment carried, in order
 */
public record TransactionRecord(long handle, TransactionType type, MemoryTransaction descriptor, byte[] sentBytes,
        List<Borrower> borrowers, List<OwnedRange> ownerAccessBefore, List<Integer> fragmentConstituents) {

    public TransactionRecord {
        sentBytes = sentBytes.clone();
        borrowers = List.copyOf(borrowers);
        ownerAccessBefore = List.copyOf(ownerAccessBefore);
        fragmentConstituents = List.copyOf(fragmentConstituents);
    }

    public EndpointId sender() {
        return descriptor.sender();
    }

    public CompositeRegion region() {
        return descriptor.region().orElseThrow();
    }

    @Override
    public byte[] sentBytes() {
        return sentBytes.clone();
    }

    /** How many bytes the sender wrote (0 when the SPMC converted them), without copying them. */
    public int sentLength() {
        return sentBytes.length;
    }

    public Optional<Borrower> borrower(EndpointId id) {
        for (Borrower borrower : borrowers) {
            if (borrower.id().equals(id)) {
                return Optional.of(borrower);
            }
        }
        return Optional.empty();
    }

    /** Whether any borrower has retrieved the memory and not relinquished it. */
    public boolean inUse() {
        for (Borrower borrower : borrowers) {
            if (borrower.holds()) {
                return true;
            }
        }
        return false;
    }

    /** This transaction with {@code changed} in place of the borrower with the same ID. */
    public TransactionRecord withBorrower(Borrower changed) {
        Borrower[] updated = borrowers.toArray(new Borrower[0]);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i].id().equals(changed.id())) {
                updated[i] = changed;
            }
        }
        return new TransactionRecord(handle, type, descriptor, sentBytes, List.of(updated), ownerAccessBefore,
                fragmentConstituents);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionRecord that && handle == that.handle && type == that.type
                && descriptor.equals(that.descriptor) && Arrays.equals(sentBytes, that.sentBytes)
                && borrowers.equals(that.borrowers) && ownerAccessBefore.equals(that.ownerAccessBefore)
                && fragmentConstituents.equals(that.fragmentConstituents);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(handle) * 31 + borrowers.hashCode();
    }

    @Override
    public String toString() {
        return "TransactionRecord[0x" + Long.toHexString(handle) + " " + type + " from " + sender() + " to "
                + borrowers + "]";
    }
}
