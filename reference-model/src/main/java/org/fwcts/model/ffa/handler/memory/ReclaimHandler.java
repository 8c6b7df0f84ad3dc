package org.fwcts.model.ffa.handler.memory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.fwcts.model.ffa.OwnedRange;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.memory.MemoryState;
import org.fwcts.model.ffa.memory.ReleaseRules;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.model.ffa.spmc.StateAfter;

/**
 * FFA_MEM_RECLAIM (DEN0077A, "FFA_MEM_RECLAIM"; w1/w2 handle, w3 flags): the owner ends a transaction
 * and regains exactly the access it had before the send.
 */
final class ReclaimHandler implements FfaHandler {
    private static final int ZERO_MEMORY = 1;

    @Override
    public FfaOutcome handle(FfaContext context) {
        MemoryChoices choices = context.profile().memory();
        long handle = HandleAllocation.observed(context.call().registers(), 1);
        int flags = context.call().w(3);
        if (choices.reclaimFlags() == MemoryChoices.ClearFlag.MUST_BE_ZERO && flags != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, ReleaseRules.RECLAIM_FLAGS,
                    "flags 0x" + Integer.toHexString(flags) + " are not supported");
        }
        MemoryState memory = context.state().memory();
        if (memory.sending().containsKey(handle)) {
            return context.error(FfaError.INVALID_PARAMETERS, MemoryRules.INCOMPLETE,
                    "handle 0x" + Long.toHexString(handle) + " is still being sent");
        }
        Optional<TransactionRecord> found = memory.transaction(handle);
        if (found.isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, ReleaseRules.RECLAIM_HANDLE,
                    "handle 0x" + Long.toHexString(handle) + " names no live transaction");
        }
        TransactionRecord record = found.get();
        boolean zero = choices.reclaimFlags() == MemoryChoices.ClearFlag.ZERO_MEMORY_BIT && (flags & ZERO_MEMORY) != 0;
        Optional<Refusal> refusal = checks(context, record, zero);
        if (refusal.isPresent()) {
            return refusal.get().outcome(context);
        }
        MemoryState next = memory.withTransaction(handle, null)
                .withAccess(AccessTransitions.afterReclaim(memory.access(), record));
        List<MemoryEffect> effects = zero ? AccessTransitions.zeroed(record.region(), MemoryRules.ZERO_ON_RECLAIM)
                : List.of();
        Supplier<String> summary = () -> "FFA_MEM_RECLAIM: " + record.sender() + " takes back handle 0x" + Long.toHexString(handle)
                + " with the access it had before the send";
        return FfaOutcome.Predicted.of(new FfaPrediction(
                context.results().success(ReleaseRules.RECLAIM_SUCCESS).build(summary), Optional.empty(), List.of(),
                effects, StateAfter.fixed(context.state().withMemory(next))));
    }

    private static Optional<Refusal> checks(FfaContext context, TransactionRecord record, boolean zero) {
        if (!SendChecks.actsFor(context.caller(), record.sender())) {
            // A partition is refused by the owner check itself; the normal world reclaiming a
            // partition's memory gets past it (the SPMC cannot tell VMs apart) and fails on the pages,
            // which it has no mapping of (Hafnium reclaim_shared_state, ffa_retrieve_check_transition).
            return Refusal.of(context.caller().isSecure() ? FfaError.INVALID_PARAMETERS : FfaError.DENIED,
                    ReleaseRules.RECLAIM_OWNER, context.caller() + " is not the owner " + record.sender());
        }
        if (record.inUse()) {
            return Refusal.of(FfaError.DENIED, ReleaseRules.RECLAIM_IN_USE,
                    "a borrower still holds handle 0x" + Long.toHexString(record.handle()));
        }
        if (zero) {
            for (OwnedRange range : record.ownerAccessBefore()) {
                if (!range.access().write()) {
                    return Refusal.of(FfaError.DENIED, ReleaseRules.RECLAIM_ZERO_WITHOUT_WRITE,
                            "the owner could not write 0x" + Long.toHexString(range.base()) + " before the send");
                }
            }
        }
        return Optional.empty();
    }
}
