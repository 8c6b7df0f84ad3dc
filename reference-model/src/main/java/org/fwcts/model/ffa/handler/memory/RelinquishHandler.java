package org.fwcts.model.ffa.handler.memory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.Borrower;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.Decoded;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.memory.MemoryState;
import org.fwcts.model.ffa.memory.ReleaseRules;
import org.fwcts.model.ffa.memory.RelinquishDescriptor;
import org.fwcts.model.ffa.memory.ResponseInFlight;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.model.ffa.spmc.StateAfter;

/**
 * FFA_MEM_RELINQUISH (DEN0077A, "FFA_MEM_RELINQUISH"): a borrower gives up the memory it retrieved;
 * the relinquish descriptor is in its TX buffer.
 */
final class RelinquishHandler implements FfaHandler {

    @Override
    public FfaOutcome handle(FfaContext context) {
        MemoryChoices choices = context.profile().memory();
        if (context.callerState().mailbox().isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, ReleaseRules.RELINQUISH_DESCRIPTOR, "no TX buffer is mapped");
        }
        if (context.call().txLength() == 0) {
            return context.unmodelled("the call supplies no TX bytes for the relinquish descriptor");
        }
        Decoded<RelinquishDescriptor> decoded = RelinquishDescriptor.decode(context.call().tx());
        if (decoded instanceof Decoded.Malformed<RelinquishDescriptor> malformed) {
            return Refusal.from(malformed).outcome(context);
        }
        RelinquishDescriptor descriptor = decoded.orElseThrow();
        Optional<Refusal> refusal = descriptorChecks(choices, context.caller(), descriptor);
        if (refusal.isPresent()) {
            return refusal.get().outcome(context);
        }
        MemoryState memory = context.state().memory();
        long handle = descriptor.handle();
        if (memory.sending().containsKey(handle)) {
            return context.error(FfaError.INVALID_PARAMETERS, MemoryRules.INCOMPLETE,
                    "handle 0x" + Long.toHexString(handle) + " is still being sent");
        }
        Optional<TransactionRecord> record = memory.transaction(handle);
        refusal = record.isEmpty()
                ? Refusal.of(FfaError.INVALID_PARAMETERS, ReleaseRules.RELINQUISH_HANDLE,
                        "handle 0x" + Long.toHexString(handle) + " names no transaction")
                : holding(choices, memory, record.get(), context.caller());
        if (refusal.isPresent()) {
            return refusal.get().outcome(context);
        }
        boolean zero = choices.relinquishFlags() == MemoryChoices.ClearFlag.ZERO_MEMORY_BIT && descriptor.zeroMemory()
                && othersRelinquished(record.get(), context.caller());
        refusal = zero ? zeroing(record.get(), context.caller()) : Optional.empty();
        if (refusal.isPresent()) {
            return refusal.get().outcome(context);
        }
        return relinquished(context, record.get(), zero);
    }

    private static Optional<Refusal> descriptorChecks(MemoryChoices choices, EndpointId caller,
            RelinquishDescriptor descriptor) {
        if (choices.relinquishFlags() == MemoryChoices.ClearFlag.MUST_BE_ZERO && descriptor.flags() != 0) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, ReleaseRules.RELINQUISH_FLAGS,
                    "flags 0x" + Integer.toHexString(descriptor.flags()) + " are not supported");
        }
        if (descriptor.endpoints().size() != 1 || !descriptor.endpoints().get(0).equals(caller)) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, ReleaseRules.RELINQUISH_DESCRIPTOR,
                    "the descriptor names " + descriptor.endpoints() + ", not the caller " + caller + " alone");
        }
        return Optional.empty();
    }

    /** The caller must be a borrower that holds the memory, whole response pulled where that counts. */
    private static Optional<Refusal> holding(MemoryChoices choices, MemoryState memory, TransactionRecord record,
            EndpointId caller) {
        Optional<Borrower> borrower = record.borrower(caller);
        if (borrower.isEmpty()) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, ReleaseRules.RELINQUISH_HANDLE,
                    caller + " is not a borrower of handle 0x" + Long.toHexString(record.handle()));
        }
        boolean perBorrower = choices.retrieveCounting() == MemoryChoices.RetrieveCounting.ONCE_PER_BORROWER;
        boolean holds = perBorrower ? borrower.get().holds() : record.inUse();
        if (!holds) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, ReleaseRules.RELINQUISH_HANDLE,
                    caller + " has not retrieved handle 0x" + Long.toHexString(record.handle()));
        }
        ResponseInFlight pulling = memory.responses().get(caller);
        if (perBorrower && pulling != null && pulling.handle() == record.handle()) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, ReleaseRules.RELINQUISH_HANDLE,
                    caller + " has not pulled the whole retrieve response yet");
        }
        return Optional.empty();
    }

    private static boolean othersRelinquished(TransactionRecord record, EndpointId caller) {
        for (Borrower borrower : record.borrowers()) {
            if (!borrower.id().equals(caller) && borrower.holds()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Refusal> zeroing(TransactionRecord record, EndpointId caller) {
        if (record.type() == TransactionType.SHARE) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, ReleaseRules.RELINQUISH_FLAGS, "zeroing shared memory");
        }
        Optional<AccessPermissions> granted = record.borrower(caller).orElseThrow().granted();
        if (granted.isPresent() && granted.get().data() == DataAccess.RO) {
            return Refusal.of(FfaError.DENIED, ReleaseRules.RELINQUISH_FLAGS, "zeroing memory " + caller + " could only read");
        }
        return Optional.empty();
    }

    private static FfaOutcome relinquished(FfaContext context, TransactionRecord record, boolean zero) {
        EndpointId caller = context.caller();
        Borrower borrower = record.borrower(caller).orElseThrow();
        Borrower releasing = borrower.holds() ? borrower : firstHolder(record);
        TransactionRecord updated = record.withBorrower(releasing.relinquished());
        MemoryState memory = context.state().memory().withTransaction(record.handle(), updated);
        if (!releasing.relinquished().holds()) {
            memory = memory.withAccess(AccessTransitions.afterRelinquish(memory.access(), record, releasing.id()));
        }
        ResponseInFlight pulling = memory.responses().get(caller);
        if (pulling != null && pulling.handle() == record.handle()) {
            memory = memory.withResponse(caller, null);
        }
        List<MemoryEffect> effects = zero ? AccessTransitions.zeroed(record.region(), MemoryRules.ZERO_ON_RELINQUISH)
                : List.of();
        Supplier<String> summary = () -> "FFA_MEM_RELINQUISH: " + caller + " gives up handle 0x" + Long.toHexString(record.handle());
        return FfaOutcome.Predicted.of(new FfaPrediction(
                context.results().success(ReleaseRules.RELINQUISH_SUCCESS).build(summary), Optional.empty(), List.of(),
                effects, StateAfter.fixed(context.state().withMemory(memory))));
    }

    /**
     * Where retrievals are counted per transaction, a borrower that never retrieved may still
     * relinquish while another holds the memory (TF-A in_use); the count taken is another holder's.
     */
    private static Borrower firstHolder(TransactionRecord record) {
        for (Borrower borrower : record.borrowers()) {
            if (borrower.holds()) {
                return borrower;
            }
        }
        throw new IllegalStateException("no borrower holds handle 0x" + Long.toHexString(record.handle()));
    }
}
