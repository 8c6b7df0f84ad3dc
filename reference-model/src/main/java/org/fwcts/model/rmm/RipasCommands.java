package org.fwcts.model.rmm;

import java.util.Optional;

/**
 * RTT_INIT_RIPAS and RTT_SET_RIPAS: RIPAS changes within one RTT from a base, reporting how far
 * they got (TF-RMM v0.8.0 {@code runtime/rmi/rtt.c}).
 */
final class RipasCommands {

    RmmOutcome init(RmmState state, long rd, long base, long top) {
        if (Long.compareUnsigned(top, base) <= 0) {
            return Answer.fail(state, RmmRules.RTT_INIT_RIPAS, RmiStatus.ERROR_INPUT, "top is not above base");
        }
        Optional<Realm> found = state.realm(rd);
        if (found.isEmpty()) {
            return Answer.fail(state, RmmRules.RTT_INIT_RIPAS, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        Realm realm = found.get();
        if (!pageAligned(base) || !pageAligned(top) || Long.compareUnsigned(top, realm.unprotectedBase()) > 0) {
            return Answer.fail(state, RmmRules.RTT_INIT_RIPAS, RmiStatus.ERROR_INPUT, "the range is unaligned or not protected");
        }
        if (realm.lifecycle() != Realm.Lifecycle.NEW) {
            return Answer.fail(state, RmmRules.RTT_INIT_RIPAS, RmiStatus.ERROR_REALM, "the realm is " + realm.lifecycle());
        }
        Walk walk = Walk.of(state, realm, base, Granules.PAGE_LEVEL);
        if (!Granules.aligned(base, walk.level())) {
            return Answer.fail(state, RmmRules.RTT_INIT_RIPAS, RmiStatus.ERROR_RTT, walk.level(), "base is not aligned to a level-"
                    + walk.level() + " entry");
        }
        RttTable table = walk.table();
        long reached = base;
        for (int i = walk.index(); i < table.size(); i++) {
            RttEntry entry = table.entry(i);
            long end = table.ipaOf(i + 1);
            if (Long.compareUnsigned(end, top) > 0 || entry.state() != RttEntry.State.UNASSIGNED || entry.unprotected()
                    || entry.ripas() == Ripas.DESTROYED) {
                break;
            }
            table = table.with(i, RttEntry.UNASSIGNED_RAM);
            reached = end;
        }
        if (reached == base) {
            return Answer.fail(state, RmmRules.RTT_INIT_RIPAS, RmiStatus.ERROR_RTT, walk.level(), "no entry from base can become RAM");
        }
        Answer answer = Answer.of(RmmRules.RTT_INIT_RIPAS).status(RmiStatus.SUCCESS).x(1, reached);
        return new RmmOutcome.Answered(answer.build("RIPAS RAM up to " + GranuleCommands.hex(reached)),
                state.withTable(table.pa(), table));
    }

    RmmOutcome set(RmmState state, long rd, long recPa, long base, long top) {
        if (Long.compareUnsigned(top, base) <= 0) {
            return Answer.fail(state, RmmRules.RTT_SET_RIPAS, RmiStatus.ERROR_INPUT, "top is not above base");
        }
        Optional<Realm> realm = state.realm(rd);
        Optional<Rec> rec = state.rec(recPa);
        if (realm.isEmpty() || rec.isEmpty()) {
            return Answer.fail(state, RmmRules.RTT_SET_RIPAS, RmiStatus.ERROR_INPUT, "the RD or the REC is wrong");
        }
        if (rec.get().rd() != rd) {
            return Answer.fail(state, RmmRules.RTT_SET_RIPAS, RmiStatus.ERROR_REC, "the REC belongs to another realm");
        }
        Optional<Rec.RipasChange> pending = rec.get().ripasChange();
        if (pending.isEmpty() || base != pending.get().next() || Long.compareUnsigned(top, pending.get().top()) > 0) {
            return Answer.fail(state, RmmRules.RTT_SET_RIPAS, RmiStatus.ERROR_INPUT, "the range is not the REC's pending change");
        }
        Rec.RipasChange change = pending.get();
        Walk walk = Walk.of(state, realm.get(), base, Granules.PAGE_LEVEL);
        if (!Granules.aligned(base, walk.level())) {
            return Answer.fail(state, RmmRules.RTT_SET_RIPAS, RmiStatus.ERROR_RTT, walk.level(), "base is not aligned to the entry");
        }
        RttTable table = walk.table();
        long reached = base;
        for (int i = walk.index(); i < table.size(); i++) {
            RttEntry entry = table.entry(i);
            long end = table.ipaOf(i + 1);
            Optional<RttEntry> changed = changed(entry, change);
            if (Long.compareUnsigned(end, top) > 0 || changed.isEmpty()) {
                break;
            }
            table = table.with(i, changed.get());
            reached = end;
        }
        if (reached == base) {
            return Answer.fail(state, RmmRules.RTT_SET_RIPAS, RmiStatus.ERROR_RTT, walk.level(), "no entry from base can change");
        }
        Rec updated = rec.get().withStage(rec.get().stage(), Optional.of(change.advancedTo(reached)), rec.get().access());
        Answer answer = Answer.of(RmmRules.RTT_SET_RIPAS).status(RmiStatus.SUCCESS).x(1, reached);
        return new RmmOutcome.Answered(answer.build("RIPAS " + change.target() + " up to " + GranuleCommands.hex(reached)),
                state.withTable(table.pa(), table).withRec(recPa, updated));
    }

    /** The entry after the change, or empty where the change stops (a table, NS, or DESTROYED without permission). */
    private static Optional<RttEntry> changed(RttEntry entry, Rec.RipasChange change) {
        if (entry.state() == RttEntry.State.TABLE || entry.unprotected()) {
            return Optional.empty();
        }
        if (entry.ripas() == Ripas.DESTROYED && !change.changeDestroyed()) {
            return Optional.empty();
        }
        return Optional.of(entry.withRipas(change.target()));
    }

    private static boolean pageAligned(long address) {
        return (address & (Granules.SIZE - 1)) == 0;
    }
}
