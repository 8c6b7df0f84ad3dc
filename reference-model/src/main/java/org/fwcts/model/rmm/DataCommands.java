package org.fwcts.model.rmm;

import java.util.Optional;

/** DATA_CREATE, DATA_CREATE_UNKNOWN and DATA_DESTROY (TF-RMM v0.8.0 {@code runtime/rmi/rtt.c}). */
final class DataCommands {
    private final RmmProfile profile;

    DataCommands(RmmProfile profile) {
        this.profile = profile;
    }

    RmmOutcome create(RmmState state, long rd, long data, long ipa, long src, long flags) {
        if (flags > 1) {
            return Answer.fail(state, RmmRules.DATA_CREATE, RmiStatus.ERROR_INPUT, "flags " + flags + " are neither 0 nor 1");
        }
        if (!profile.tracks(src) || state.granule(src) != GranuleState.UNDELEGATED) {
            return Answer.fail(state, RmmRules.DATA_CREATE, RmiStatus.ERROR_INPUT, "the source is not a normal-world granule");
        }
        return map(state, rd, data, ipa, true);
    }

    RmmOutcome createUnknown(RmmState state, long rd, long data, long ipa) {
        return map(state, rd, data, ipa, false);
    }

    private RmmOutcome map(RmmState state, long rd, long data, long ipa, boolean measured) {
        var rule = measured ? RmmRules.DATA_CREATE : RmmRules.DATA_CREATE_UNKNOWN;
        Optional<Realm> found = state.realm(rd);
        if (!profile.tracks(data) || state.granule(data) != GranuleState.DELEGATED || found.isEmpty()) {
            return Answer.fail(state, rule, RmiStatus.ERROR_INPUT, "the data granule is not DELEGATED or the RD is no RD");
        }
        Realm realm = found.get();
        if (measured && realm.lifecycle() != Realm.Lifecycle.NEW) {
            return Answer.fail(state, rule, RmiStatus.ERROR_REALM, "the realm is " + realm.lifecycle());
        }
        if (!realm.protectedIpa(ipa) || !Granules.aligned(ipa, Granules.PAGE_LEVEL)) {
            return Answer.fail(state, rule, RmiStatus.ERROR_INPUT, "IPA " + GranuleCommands.hex(ipa) + " is not a protected page");
        }
        Walk walk = Walk.of(state, realm, ipa, Granules.PAGE_LEVEL);
        if (walk.level() != Granules.PAGE_LEVEL) {
            return Answer.fail(state, rule, RmiStatus.ERROR_RTT, walk.level(), "the walk stops at level " + walk.level());
        }
        if (walk.entry().state() != RttEntry.State.UNASSIGNED) {
            return Answer.fail(state, rule, RmiStatus.ERROR_RTT, Granules.PAGE_LEVEL, "the entry is " + RttCommands.describe(walk.entry()));
        }
        RttEntry entry = RttEntry.assigned(measured ? Ripas.RAM : walk.entry().ripas(), data);
        return Answer.succeed(walk.set(state, entry).withGranule(data, GranuleState.DATA), rule,
                "IPA " + GranuleCommands.hex(ipa) + " is " + RttCommands.describe(entry));
    }

    RmmOutcome destroy(RmmState state, long rd, long ipa) {
        Optional<Realm> found = state.realm(rd);
        if (found.isEmpty()) {
            return Answer.fail(state, RmmRules.DATA_DESTROY, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        Realm realm = found.get();
        if (!realm.protectedIpa(ipa) || !Granules.aligned(ipa, Granules.PAGE_LEVEL)) {
            return Answer.fail(state, RmmRules.DATA_DESTROY, RmiStatus.ERROR_INPUT, "IPA " + GranuleCommands.hex(ipa) + " is not a protected page");
        }
        Walk walk = Walk.of(state, realm, ipa, Granules.PAGE_LEVEL);
        if (walk.level() != Granules.PAGE_LEVEL || walk.entry().state() != RttEntry.State.ASSIGNED) {
            return Answer.fail(state, RmmRules.DATA_DESTROY, RmiStatus.ERROR_RTT, walk.level(), "no data at " + GranuleCommands.hex(ipa));
        }
        RttEntry entry = walk.entry();
        RttEntry after = entry.ripas() == Ripas.EMPTY ? RttEntry.UNASSIGNED_EMPTY : RttEntry.UNASSIGNED_DESTROYED;
        RmmState next = walk.set(state, after).withGranule(entry.address(), GranuleState.DELEGATED);
        Answer answer = Answer.of(RmmRules.DATA_DESTROY).status(RmiStatus.SUCCESS).x(1, entry.address())
                .x(2, RttCommands.nonLiveTop(next.table(walk.table().pa()), walk.index()));
        return new RmmOutcome.Answered(answer.build("the data granule returns to DELEGATED; the entry is "
                + RttCommands.describe(after)), next);
    }
}
