package org.fwcts.model.rmm;

import java.util.Optional;

/**
 * DATA_CREATE, DATA_CREATE_UNKNOWN and DATA_DESTROY (TF-RMM v0.8.0 {@code runtime/rmi/rtt.c}), and their RMI 2.0
 * forms: RTT_DATA_MAP_INIT (DATA_CREATE under another name), RTT_DATA_MAP and RTT_DATA_UNMAP over a range (TF-RMM
 * v0.9.0 {@code smc_rtt_data_map}, {@code smc_rtt_data_unmap}, which map and unmap the granule at the base).
 */
final class DataCommands {
    /** RmiAddrType SINGLE: the output address is one contiguous range (TF-RMM v0.9.0 {@code RMI_ADDR_TYPE_SINGLE}). */
    private static final long ADDRESS_SINGLE = 1;
    /** The output address of RTT_DATA_MAP: PA bits [51:12] (TF-RMM v0.9.0 {@code smc_rtt_data_map}). */
    private static final long OUTPUT_ADDRESS = ((1L << 40) - 1) << 12;
    /** RmiAddrRangeDesc4KB of one granule: size 4 KiB (0) in [1:0], count 1 in [11:2], the address from bit 12. */
    private static final long SINGLE_PAGE_RANGE = 0x4;

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
        Destroyed destroyed = destroyPage(state, rd, ipa);
        Answer answer = Answer.of(RmmRules.DATA_DESTROY).status(destroyed.status, destroyed.index);
        if (destroyed.status == RmiStatus.SUCCESS) {
            answer.x(1, destroyed.data).x(2, destroyed.nonLiveTop);
        } else if (destroyed.status == RmiStatus.ERROR_RTT) {
            answer.x(2, destroyed.nonLiveTop);
        }
        return new RmmOutcome.Answered(answer.build(destroyed.summary), destroyed.next);
    }

    /** RTT_DATA_MAP: flags, then the range, then DATA_CREATE_UNKNOWN of the granule at {@code oaddr} at {@code base}. */
    RmmOutcome mapRange(RmmState state, long rd, long base, long top, long flags, long oaddr) {
        if (flags != ADDRESS_SINGLE || Long.compareUnsigned(top, base) < 0 || top - base < Granules.SIZE) {
            Answer answer = Answer.of(RmmRules.RTT_DATA_MAP).status(RmiStatus.ERROR_INPUT).x(1, 0);
            return new RmmOutcome.Answered(answer.build("flags " + flags + " are not a single output address, or ["
                    + GranuleCommands.hex(base) + ", " + GranuleCommands.hex(top) + ") is under one granule: ERROR_INPUT"), state);
        }
        RmmOutcome.Answered mapped = (RmmOutcome.Answered) map(state, rd, oaddr & OUTPUT_ADDRESS, base, false);
        long status = ((org.fwcts.model.prediction.RegisterPrediction.Exact) mapped.prediction().registers().get(0)).value();
        Answer answer = Answer.of(RmmRules.RTT_DATA_MAP).x(0, status).x(1, base + Granules.SIZE);
        return new RmmOutcome.Answered(answer.build(() -> "the granule at base: " + mapped.prediction().summary()),
                mapped.next());
    }

    /** RTT_DATA_UNMAP: flags, then the range, then DATA_DESTROY at {@code base}, its result recast. */
    RmmOutcome unmapRange(RmmState state, long rd, long base, long top, long flags) {
        if (flags != ADDRESS_SINGLE || Long.compareUnsigned(top, base) < 0 || top - base < Granules.SIZE) {
            Answer answer = Answer.of(RmmRules.RTT_DATA_UNMAP).status(RmiStatus.ERROR_INPUT).x(1, 0).x(2, 0).x(3, 0);
            return new RmmOutcome.Answered(answer.build("flags " + flags + " are not a single output range, or ["
                    + GranuleCommands.hex(base) + ", " + GranuleCommands.hex(top) + ") is under one granule: ERROR_INPUT"), state);
        }
        Destroyed destroyed = destroyPage(state, rd, base);
        Answer answer = Answer.of(RmmRules.RTT_DATA_UNMAP);
        String outcome;
        if (destroyed.status == RmiStatus.ERROR_RTT && destroyed.nonLiveTop == base) {
            answer.status(RmiStatus.ERROR_RTT, destroyed.index);
            outcome = "a live block at base must be unfolded first";
        } else if (destroyed.status == RmiStatus.ERROR_RTT) {
            answer.status(RmiStatus.SUCCESS);
            outcome = "nothing mapped from base";
        } else {
            answer.status(destroyed.status, destroyed.index);
            outcome = destroyed.status == RmiStatus.SUCCESS ? "the granule at base is unmapped" : "refused";
        }
        long reached = Long.compareUnsigned(destroyed.nonLiveTop, top) < 0 ? destroyed.nonLiveTop : top;
        answer.x(1, reached).x(2, destroyed.status == RmiStatus.SUCCESS ? destroyed.data | SINGLE_PAGE_RANGE : 0).x(3, 0);
        return new RmmOutcome.Answered(answer.build(() -> outcome + " (" + destroyed.summary + ")"), destroyed.next);
    }

    /** What DATA_DESTROY did: status and index, the data granule, the non-live top TF-RMM returns in x2, the state after. */
    private record Destroyed(RmiStatus status, int index, long data, long nonLiveTop, RmmState next, String summary) {
    }

    private Destroyed destroyPage(RmmState state, long rd, long ipa) {
        Optional<Realm> found = state.realm(rd);
        if (found.isEmpty()) {
            return new Destroyed(RmiStatus.ERROR_INPUT, 0, 0, 0, state, GranuleCommands.hex(rd) + " is no RD: ERROR_INPUT");
        }
        Realm realm = found.get();
        if (!realm.protectedIpa(ipa) || !Granules.aligned(ipa, Granules.PAGE_LEVEL)) {
            return new Destroyed(RmiStatus.ERROR_INPUT, 0, 0, 0, state, "IPA " + GranuleCommands.hex(ipa)
                    + " is not a protected page: ERROR_INPUT");
        }
        Walk walk = Walk.of(state, realm, ipa, Granules.PAGE_LEVEL);
        if (walk.level() != Granules.PAGE_LEVEL || walk.entry().state() != RttEntry.State.ASSIGNED) {
            return new Destroyed(RmiStatus.ERROR_RTT, walk.level(), 0, RttCommands.nonLiveFrom(walk, ipa), state,
                    "no data at " + GranuleCommands.hex(ipa) + ": (ERROR_RTT, " + walk.level() + ")");
        }
        RttEntry entry = walk.entry();
        RttEntry after = entry.ripas() == Ripas.EMPTY ? RttEntry.UNASSIGNED_EMPTY : RttEntry.UNASSIGNED_DESTROYED;
        RmmState next = walk.set(state, after).withGranule(entry.address(), GranuleState.DELEGATED);
        return new Destroyed(RmiStatus.SUCCESS, 0, entry.address(),
                RttCommands.nonLiveTop(next.table(walk.table().pa()), walk.index()), next,
                "the data granule returns to DELEGATED; the entry is " + RttCommands.describe(after));
    }
}
