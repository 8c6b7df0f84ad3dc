package org.fwcts.model.ffa.handler.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.OwnedRange;
import org.fwcts.model.ffa.memory.Borrower;
import org.fwcts.model.ffa.memory.CompositeRegion;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.Decoded;
import org.fwcts.model.ffa.memory.DescriptorRules;
import org.fwcts.model.ffa.memory.EndpointAccess;
import org.fwcts.model.ffa.memory.InstructionAccess;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.memory.MemoryState;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.memory.SendRules;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.model.ffa.ResultConstraint;
import org.fwcts.model.ffa.spmc.StateAfter;

/**
 * Completes a DONATE/LEND/SHARE once its whole descriptor has arrived, in one call or with the last
 * FFA_MEM_FRAG_TX: decodes it as the profile does, checks it against the rules and the memory state,
 * and predicts FFA_SUCCESS with the handle and the transaction it creates.
 */
final class SendCompletion {

    private SendCompletion() {
    }

    /**
     * @param descriptor the whole descriptor
     * @param fragmentLengths the length of each fragment it arrived in
     * @param knownHandle the handle already returned with FFA_MEM_FRAG_RX, if fragmented
     * @param refusedState the state after a refusal (a fragmented send is freed)
     */
    static FfaOutcome complete(FfaContext context, TransactionType type, byte[] descriptor, SpecVersion version,
            List<Integer> fragmentLengths, OptionalLong knownHandle, FfaState refusedState) {
        MemoryChoices choices = context.profile().memory();
        TolerantDecoder.Reading reading = TolerantDecoder.read(descriptor, descriptor.length, version,
                choices.toleratedSendFaults());
        if (reading.beyondModel().isPresent()) {
            return context.unmodelled(reading.beyondModel().get());
        }
        if (reading.decoded() instanceof Decoded.Malformed<MemoryTransaction> malformed) {
            return Refusal.from(malformed).outcome(context, refusedState);
        }
        MemoryTransaction sent = reading.decoded().orElseThrow();
        Optional<Refusal> refusal = SendChecks.descriptor(choices, context.topology(), context.caller(), type, sent);
        MemoryState memory = context.state().memory();
        AccessTransitions.OwnerAccess ownerAccess = null;
        if (refusal.isEmpty()) {
            CompositeRegion region = sent.region().orElseThrow();
            refusal = overlap(choices, memory, region);
            if (refusal.isEmpty() && choices.tracksOwnership()) {
                ownerAccess = AccessTransitions.ownerAccess(memory.access(), sent.sender(), region);
                refusal = ownership(memory, sent, region, ownerAccess);
            }
        }
        if (refusal.isPresent()) {
            return refusal.get().outcome(context, refusedState);
        }
        if (context.caller().isSecure() && !choices.tracksOwnership()) {
            // Whether the partition owns the pages decides (DEN0077A, "Ownership and access attributes"),
            // and this profile does not track ownership: TF-A's EL3 SPMC, for one, refuses every send
            // from a partition (spmc_shared_mem.c) while another SPMC may accept its own memory.
            return context.unmodelled("a send from a partition, whose page ownership profile "
                    + context.profile().name() + " does not track");
        }
        if (ownerAccess == null) {
            ownerAccess = AccessTransitions.ownerAccess(memory.access(), sent.sender(), sent.region().orElseThrow());
        }
        return success(context, type, sent, version.atLeast(1, 1) ? descriptor : new byte[0],
                constituentsPerFragment(sent, fragmentLengths), knownHandle, ownerAccess.ranges());
    }

    /** Overlap with live transactions, where the profile refuses it. */
    private static Optional<Refusal> overlap(MemoryChoices choices, MemoryState memory, CompositeRegion region) {
        if (choices.overlapError().isPresent() && !memory.transactions().isEmpty()) {
            for (TransactionRecord live : memory.transactions().values()) {
                if (overlaps(region, live.region())) {
                    return Refusal.of(choices.overlapError().get(), SendRules.OVERLAP,
                            "the region overlaps that of handle 0x" + Long.toHexString(live.handle()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Hafnium's ffa_send_check_transition: owned, exclusive, one access throughout, enough of it;
     * {@code ownerAccess} holds the sender's runs for each constituent.
     */
    private static Optional<Refusal> ownership(MemoryState memory, MemoryTransaction sent, CompositeRegion region,
            AccessTransitions.OwnerAccess ownerAccess) {
        EndpointId sender = sent.sender();
        if (region.constituents().isEmpty()) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, DescriptorRules.CONSTITUENT_COUNT, "a region of no pages");
        }
        PageAccess uniform = null;
        for (int i = 0; i < region.constituents().size(); i++) {
            Constituent constituent = region.constituents().get(i);
            if (!memory.owners().ownsAll(sender, constituent.address(), constituent.pageCount())) {
                return denied(SendRules.OWNERSHIP, sender + " does not own every page of " + constituent);
            }
            long covered = 0;
            for (int r = ownerAccess.start(i); r < ownerAccess.end(i); r++) {
                OwnedRange run = ownerAccess.ranges().get(r);
                covered += run.pageCount();
                if (uniform != null && !uniform.equals(run.access())) {
                    return denied(SendRules.OWNERSHIP, "the region's pages do not all have the same access");
                }
                uniform = run.access();
            }
            if (covered != constituent.pageCount()) {
                return denied(SendRules.OWNERSHIP, sender + " has no access to part of " + constituent);
            }
        }
        if (sent.flags().zeroMemory() && !uniform.write()) {
            return denied(SendRules.ZERO_WITHOUT_WRITE, sender + " asks for zeroing with access " + uniform);
        }
        for (EndpointAccess receiver : sent.receivers()) {
            DataAccess data = receiver.permissions().data();
            boolean lacking = data == DataAccess.RW && !uniform.write() || data == DataAccess.RO && !uniform.read()
                    || receiver.permissions().instruction() == InstructionAccess.X && !uniform.execute();
            if (lacking) {
                return denied(SendRules.OWNERSHIP, sender + " offers " + receiver.permissions() + " but has " + uniform);
            }
        }
        return Optional.empty();
    }

    private static FfaOutcome success(FfaContext context, TransactionType type, MemoryTransaction sent, byte[] raw,
            List<Integer> fragmentConstituents, OptionalLong knownHandle, List<OwnedRange> saved) {
        MemoryChoices choices = context.profile().memory();
        FfaState before = context.state();
        MemoryState memory = before.memory();
        long suggestion = knownHandle.isPresent() ? knownHandle.getAsLong()
                : HandleAllocation.suggestion(choices.handles(), memory);
        TransactionFlags storedFlags = sent.flags().withTransactionType(type);
        Borrower[] offered = new Borrower[sent.receivers().size()];
        for (int i = 0; i < offered.length; i++) {
            offered[i] = Borrower.offered(sent.receivers().get(i));
        }
        List<Borrower> borrowers = List.of(offered);
        FfaResults results = context.results().success(SendRules.SUCCESS);
        List<ResultConstraint> constraints;
        if (knownHandle.isPresent()) {
            results.value32(2, suggestion & 0xFFFF_FFFFL, SendRules.SUCCESS).value32(3, suggestion >>> 32, SendRules.SUCCESS);
            constraints = List.of();
        } else {
            HandleAllocation.predict(results, 2, suggestion);
            constraints = List.of(HandleAllocation.constraint(memory, 2));
        }
        CompositeRegion region = sent.region().orElseThrow();
        List<MemoryEffect> effects = choices.sendFlags() == MemoryChoices.SendFlags.ZERO_MEMORY_ONLY
                && sent.flags().zeroMemory() ? AccessTransitions.zeroed(region, MemoryRules.ZERO_ON_SEND) : List.of();
        StateAfter after = observed -> {
            long handle = knownHandle.isPresent() ? suggestion : HandleAllocation.observed(observed, 2);
            TransactionRecord record = new TransactionRecord(handle, type, sent.withFlagsAndHandle(storedFlags, handle),
                    raw, borrowers, saved, fragmentConstituents);
            return before.withMemory(memory.withCompleted(record, AccessTransitions.afterSend(memory.access(), record)));
        };
        Supplier<String> summary = () -> context.functionId() + ": " + type + " of " + region.totalPageCount()
                + " page(s) from " + sent.sender() + " to " + sent.receivers().size() + " borrower(s) succeeds";
        return FfaOutcome.Predicted.of(new FfaPrediction(results.build(summary), Optional.empty(), constraints,
                effects, after));
    }

    /** How many constituents each fragment carried: the first after the composite header, the rest whole. */
    private static List<Integer> constituentsPerFragment(MemoryTransaction sent, List<Integer> fragmentLengths) {
        int remaining = sent.region().orElseThrow().constituents().size();
        if (fragmentLengths.size() == 1) {
            return List.of(remaining);
        }
        long first = sent.receivers().get(0).compositeOffset() + CompositeRegion.HEADER_SIZE;
        List<Integer> counts = new ArrayList<>(fragmentLengths.size());
        for (int i = 0; i < fragmentLengths.size(); i++) {
            long bytes = i == 0 ? fragmentLengths.get(0) - first : fragmentLengths.get(i);
            int count = i == fragmentLengths.size() - 1 ? remaining
                    : (int) Math.min(remaining, Math.max(0, bytes / Constituent.SIZE));
            counts.add(count);
            remaining -= count;
        }
        return List.copyOf(counts);
    }

    private static boolean overlaps(CompositeRegion one, CompositeRegion other) {
        for (Constituent mine : one.constituents()) {
            for (Constituent theirs : other.constituents()) {
                if (mine.overlaps(theirs)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Refusal> denied(org.fwcts.model.Rule rule, String why) {
        return Refusal.of(FfaError.DENIED, rule, why);
    }
}
