package org.fwcts.model.ffa.memory;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.fwcts.model.ImmutableMaps;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Topology;

/**
 * Memory transactions in flight and every endpoint's access to the pages they cover.
 *
 * @param access each endpoint's access to each page: the map tests compare against
 * @param owners who owns each page
 * @param transactions the complete transactions, by handle
 * @param sending the sends still receiving fragments, by handle
 * @param responses retrieve responses still being pulled with FFA_MEM_FRAG_RX, by retriever
 * @param lastHandle the last handle the SPMC returned, for suggesting the next
 */
public record MemoryState(AccessMap access, PageOwners owners, Map<Long, TransactionRecord> transactions,
        Map<Long, FragmentedSend> sending, Map<EndpointId, ResponseInFlight> responses, OptionalLong lastHandle) {

    public MemoryState {
        transactions = ImmutableMaps.copyOf(transactions);
        sending = ImmutableMaps.copyOf(sending);
        responses = ImmutableMaps.copyOf(responses);
    }

    public static MemoryState initial(Topology topology) {
        return new MemoryState(AccessMap.of(topology.ownedMemory()), PageOwners.of(topology.ownedMemory()), Map.of(),
                Map.of(), Map.of(), OptionalLong.empty());
    }

    public Optional<TransactionRecord> transaction(long handle) {
        return Optional.ofNullable(transactions.get(handle));
    }

    /** Whether {@code handle} names a transaction, complete or still being sent. */
    public boolean inUse(long handle) {
        // Most states hold no transaction: no boxing of the handle then.
        return !transactions.isEmpty() && transactions.containsKey(handle) || isBeingSent(handle);
    }

    /** Whether {@code handle} names a send still receiving fragments. */
    public boolean isBeingSent(long handle) {
        return !sending.isEmpty() && sending.containsKey(handle);
    }

    public MemoryState withAccess(AccessMap newAccess) {
        return new MemoryState(newAccess, owners, transactions, sending, responses, lastHandle);
    }

    public MemoryState withOwners(PageOwners newOwners) {
        return new MemoryState(access, newOwners, transactions, sending, responses, lastHandle);
    }

    /** A copy where {@code record} is stored under its handle, or the handle freed when it is null. */
    public MemoryState withTransaction(long handle, TransactionRecord record) {
        if (record == null && !transactions.containsKey(handle)) {
            return this; // nothing to free: no copy
        }
        Map<Long, TransactionRecord> changed = record == null ? ImmutableMaps.without(transactions, handle)
                : ImmutableMaps.with(transactions, handle, record);
        return new MemoryState(access, owners, changed, sending, responses, lastHandle);
    }

    /** A copy where {@code send} is in progress under its handle, or the handle's send gone when it is null. */
    public MemoryState withSending(long handle, FragmentedSend send) {
        if (send == null && !sending.containsKey(handle)) {
            return this; // nothing to free: no copy
        }
        Map<Long, FragmentedSend> changed = send == null ? ImmutableMaps.without(sending, handle)
                : ImmutableMaps.with(sending, handle, send);
        return new MemoryState(access, owners, transactions, changed, responses, lastHandle);
    }

    /** A copy where {@code retriever} is pulling {@code response}, or nothing when it is null. */
    public MemoryState withResponse(EndpointId retriever, ResponseInFlight response) {
        if (response == null && !responses.containsKey(retriever)) {
            return this; // nothing to free: no copy
        }
        Map<EndpointId, ResponseInFlight> changed = response == null ? ImmutableMaps.without(responses, retriever)
                : ImmutableMaps.with(responses, retriever, response);
        return new MemoryState(access, owners, transactions, sending, changed, lastHandle);
    }

    /**
     * A copy where {@code record}'s send is complete: stored under its handle, no longer being sent,
     * the handle the last one returned, and {@code newAccess} after it; one copy for the four changes.
     */
    public MemoryState withCompleted(TransactionRecord record, AccessMap newAccess) {
        long handle = record.handle();
        Map<Long, FragmentedSend> stillSending = sending.isEmpty() ? sending : ImmutableMaps.without(sending, handle);
        return new MemoryState(newAccess, owners, ImmutableMaps.with(transactions, handle, record), stillSending,
                responses, OptionalLong.of(handle));
    }

    public MemoryState withLastHandle(long handle) {
        return new MemoryState(access, owners, transactions, sending, responses, OptionalLong.of(handle));
    }
}
