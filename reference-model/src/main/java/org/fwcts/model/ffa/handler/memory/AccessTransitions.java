package org.fwcts.model.ffa.handler.memory;

import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.model.ffa.OwnedRange;
import org.fwcts.model.ffa.memory.AccessMap;
import org.fwcts.model.ffa.memory.CompositeRegion;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.memory.MemoryState;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.memory.PageOwners;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.model.ffa.memory.TransactionType;

/**
 * How each memory transition changes who may access and who owns the pages of a region
 * (ffa-memory.md §5; {@link MemoryRules#OWNER_AFTER_SEND}, {@link MemoryRules#BORROWER_AFTER_RETRIEVE},
 * {@link MemoryRules#RECLAIM_RESTORES_EXACTLY}), and the zeroing effects a test can check.
 */
final class AccessTransitions {

    private AccessTransitions() {
    }

    /**
     * The owner's access to the pages of a region, constituent after constituent, as a send's checks
     * read it and reclaim must later restore it: read once for both.
     *
     * @param ranges the accessible runs of every constituent, in constituent order, then address order
     * @param constituentEnds where each constituent's runs end in {@code ranges}
     */
    record OwnerAccess(List<OwnedRange> ranges, int[] constituentEnds) {
        /** Where constituent {@code index}'s runs start in {@link #ranges}. */
        int start(int index) {
            return index == 0 ? 0 : constituentEnds[index - 1];
        }

        /** Where constituent {@code index}'s runs end in {@link #ranges}. */
        int end(int index) {
            return constituentEnds[index];
        }
    }

    /** The owner's access to every page of {@code region}, as reclaim must later restore it. */
    static OwnerAccess ownerAccess(AccessMap access, EndpointId owner, CompositeRegion region) {
        List<Constituent> constituents = region.constituents();
        List<OwnedRange> saved = new ArrayList<>(constituents.size());
        int[] ends = new int[constituents.size()];
        for (int i = 0; i < ends.length; i++) {
            Constituent constituent = constituents.get(i);
            access.addRanges(owner, constituent.address(), constituent.pageCount(), saved);
            ends[i] = saved.size();
        }
        return new OwnerAccess(List.copyOf(saved), ends);
    }

    /** After a send completes: SHARE leaves the owner's access, LEND and DONATE remove it. */
    static AccessMap afterSend(AccessMap access, TransactionRecord record) {
        return record.type() == TransactionType.SHARE ? access : set(access, record.sender(), record.region(), PageAccess.NONE);
    }

    /** After {@code borrower} retrieved with {@code granted}; a DONATE also hands over ownership. */
    static MemoryState afterRetrieve(MemoryState state, TransactionRecord record, EndpointId borrower, PageAccess granted) {
        MemoryState next = state.withAccess(set(state.access(), borrower, record.region(), granted));
        if (record.type() == TransactionType.DONATE) {
            PageOwners owners = next.owners();
            for (Constituent constituent : record.region().constituents()) {
                owners = owners.with(constituent.address(), constituent.pageCount(), borrower);
            }
            next = next.withOwners(owners);
        }
        return next;
    }

    /** After {@code borrower} gave up its last retrieval: no access left. */
    static AccessMap afterRelinquish(AccessMap access, TransactionRecord record, EndpointId borrower) {
        return set(access, borrower, record.region(), PageAccess.NONE);
    }

    /**
     * After reclaim: the owner has exactly the access saved at the send, page by page, and nothing on
     * pages where it had none ({@link MemoryRules#RECLAIM_RESTORES_EXACTLY}).
     */
    static AccessMap afterReclaim(AccessMap access, TransactionRecord record) {
        AccessMap restored = set(access, record.sender(), record.region(), PageAccess.NONE);
        for (OwnedRange range : record.ownerAccessBefore()) {
            restored = restored.with(record.sender(), range.base(), range.pageCount(), range.access());
        }
        return restored;
    }

    /** Every page of {@code region} becomes zero. */
    static List<MemoryEffect> zeroed(CompositeRegion region, Rule rule) {
        List<MemoryEffect> effects = new ArrayList<>(region.constituents().size());
        for (Constituent constituent : region.constituents()) {
            effects.add(new MemoryEffect(constituent.address(), (int) constituent.pageCount(), MemoryEffect.Kind.ZEROED,
                    rule));
        }
        return effects;
    }

    private static AccessMap set(AccessMap access, EndpointId endpoint, CompositeRegion region, PageAccess value) {
        AccessMap changed = access;
        for (Constituent constituent : region.constituents()) {
            changed = changed.with(endpoint, constituent.address(), constituent.pageCount(), value);
        }
        return changed;
    }
}
