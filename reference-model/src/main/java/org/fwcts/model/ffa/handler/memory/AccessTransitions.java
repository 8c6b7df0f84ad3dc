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

    /** The owner's access to every page of {@code region}, as reclaim must later restore it. */
    static List<OwnedRange> ownerAccess(AccessMap access, EndpointId owner, CompositeRegion region) {
        List<OwnedRange> saved = new ArrayList<>();
        for (Constituent constituent : region.constituents()) {
            saved.addAll(access.ranges(owner, constituent.address(), constituent.pageCount()));
        }
        return saved;
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
