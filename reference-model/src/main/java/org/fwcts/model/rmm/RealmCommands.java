package org.fwcts.model.rmm;

import java.util.Optional;
import org.fwcts.model.HostMemory;

/** REALM_CREATE, REALM_ACTIVATE and REALM_DESTROY (TF-RMM v0.8.0 {@code runtime/rmi/realm.c}). */
final class RealmCommands {
    private final RmmProfile profile;

    RealmCommands(RmmProfile profile) {
        this.profile = profile;
    }

    RmmOutcome create(RmmState state, long rd, long paramsPa, HostMemory memory) {
        if (!profile.tracks(paramsPa) || state.granule(paramsPa) != GranuleState.UNDELEGATED) {
            return Answer.fail(state, RmmRules.REALM_CREATE, RmiStatus.ERROR_INPUT,
                    "the parameters at " + GranuleCommands.hex(paramsPa) + " are not in a normal-world granule");
        }
        Optional<byte[]> bytes = memory.read(paramsPa, RealmParams.SIZE);
        if (bytes.isEmpty()) {
            return new RmmOutcome.Unmodelled("REALM_CREATE reads its parameters at " + GranuleCommands.hex(paramsPa)
                    + ", which the host did not write with the call");
        }
        RealmParams params = RealmParams.decode(bytes.get());
        Optional<String> invalid = params.invalidity(profile, state);
        if (invalid.isPresent()) {
            return Answer.fail(state, RmmRules.REALM_PARAMS, RmiStatus.ERROR_INPUT, invalid.get());
        }
        RmmState next = state;
        for (int i = 0; i < params.rttNumStart(); i++) {
            long rtt = params.rttBase() + i * Granules.SIZE;
            if (!profile.tracks(rtt) || next.granule(rtt) != GranuleState.DELEGATED) {
                return Answer.fail(state, RmmRules.REALM_CREATE, RmiStatus.ERROR_INPUT,
                        "root RTT " + GranuleCommands.hex(rtt) + " is not DELEGATED");
            }
            next = next.withGranule(rtt, GranuleState.RTT);
        }
        if (!profile.tracks(rd) || next.granule(rd) != GranuleState.DELEGATED) {
            return Answer.fail(state, RmmRules.REALM_CREATE, RmiStatus.ERROR_INPUT,
                    "the RD " + GranuleCommands.hex(rd) + " is not DELEGATED (or is a root RTT)");
        }
        Realm realm = new Realm(rd, Realm.Lifecycle.NEW, params.s2sz(), (int) params.rttLevelStart(), params.rttBase(),
                params.rttNumStart(), params.vmid(), 0, 0, state.realmsCreated(), params.hashAlgorithm(),
                Measurements.zero(params.hashAlgorithm()));
        next = next.withGranule(rd, GranuleState.RD).withRealm(rd, realm).withTable(params.rttBase(), root(realm))
                .countRealm();
        return Answer.succeed(next, RmmRules.REALM_CREATE, "realm " + GranuleCommands.hex(rd) + " is NEW, s2sz "
                + params.s2sz());
    }

    /** The root RTT: the protected half UNASSIGNED EMPTY, the unprotected half UNASSIGNED_NS (TF-RMM {@code init_s2_starting_level}). */
    private static RttTable root(Realm realm) {
        long entries = Math.min((long) realm.rootCount() * Granules.ENTRIES,
                realm.ipaLimit() >>> Granules.shift(realm.startLevel()));
        RttTable table = RttTable.filled(realm.rttBase(), realm.startLevel(), 0, (int) entries, RttEntry.UNASSIGNED_EMPTY);
        RttEntry[] filled = new RttEntry[(int) entries];
        for (int i = 0; i < filled.length; i++) {
            filled[i] = realm.protectedIpa(table.ipaOf(i)) ? RttEntry.UNASSIGNED_EMPTY : RttEntry.UNASSIGNED_NS;
        }
        return new RttTable(realm.rttBase(), realm.startLevel(), 0, filled);
    }

    RmmOutcome activate(RmmState state, long rd) {
        Optional<Realm> realm = state.realm(rd);
        if (realm.isEmpty()) {
            return Answer.fail(state, RmmRules.REALM_ACTIVATE, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        if (realm.get().lifecycle() != Realm.Lifecycle.NEW) {
            return Answer.fail(state, RmmRules.REALM_ACTIVATE, RmiStatus.ERROR_REALM, "the realm is " + realm.get().lifecycle());
        }
        return Answer.succeed(state.withRealm(rd, realm.get().withLifecycle(Realm.Lifecycle.ACTIVE)),
                RmmRules.REALM_ACTIVATE, "the realm becomes ACTIVE");
    }

    RmmOutcome destroy(RmmState state, long rd) {
        Optional<Realm> found = state.realm(rd);
        if (found.isEmpty()) {
            return Answer.fail(state, RmmRules.REALM_DESTROY, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        Realm realm = found.get();
        if (realm.liveRecs() > 0) {
            return Answer.fail(state, RmmRules.REALM_DESTROY, RmiStatus.ERROR_REALM, realm.liveRecs() + " RECs exist");
        }
        if (state.table(realm.rttBase()).references() > 0) {
            return Answer.fail(state, RmmRules.REALM_DESTROY, RmiStatus.ERROR_REALM, "the root RTT still has live entries");
        }
        RmmState next = state.withRealm(rd, null).withGranule(rd, GranuleState.DELEGATED).withTable(realm.rttBase(), null);
        for (int i = 0; i < realm.rootCount(); i++) {
            next = next.withGranule(realm.rttBase() + i * Granules.SIZE, GranuleState.DELEGATED);
        }
        return Answer.succeed(next, RmmRules.REALM_DESTROY, "the RD and root RTTs return to DELEGATED");
    }
}
