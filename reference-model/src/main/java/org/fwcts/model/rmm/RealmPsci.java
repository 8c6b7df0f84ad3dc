package org.fwcts.model.rmm;

import org.fwcts.model.Registers;

/**
 * PSCI calls a realm makes, which the RMM answers or forwards to the host (DEN0137 1.0, "PSCI"; TF-RMM
 * {@code runtime/rsi/psci.c}, the same in v0.8.0 and v0.9.0), and RMI_PSCI_COMPLETE, by which the host answers a
 * forwarded CPU_ON or AFFINITY_INFO ({@code psci_complete_request}).
 */
final class RealmPsci {
    static final long VERSION = 0x8400_0000L;
    static final long CPU_ON_32 = 0x8400_0003L;
    static final long CPU_ON_64 = 0xC400_0003L;
    static final long AFFINITY_INFO_32 = 0x8400_0004L;
    static final long AFFINITY_INFO_64 = 0xC400_0004L;
    static final long FEATURES = 0x8400_000AL;
    /** PSCI return values (DEN0022). */
    static final long SUCCESS = 0;
    static final long NOT_SUPPORTED = -1;
    static final long INVALID_PARAMS = -2;
    static final long DENIED = -3;
    static final long ALREADY_ON = -4;
    static final long INVALID_ADDRESS = -9;
    static final long AFFINITY_ON = 0;
    static final long AFFINITY_OFF = 1;
    /** The functions PSCI_FEATURES reports as present ({@code psci_features}): SMCCC_VERSION among them. */
    private static final long[] PRESENT = {0x8400_0001L, 0xC400_0001L, 0x8400_0002L, CPU_ON_32, CPU_ON_64,
        AFFINITY_INFO_32, AFFINITY_INFO_64, 0x8400_0008L, 0x8400_0009L, FEATURES, 0x8000_0000L};

    /** What the RMM does with a PSCI call: a value back to the realm, an exit to the host, or nothing modelled. */
    sealed interface Outcome {
        record Returned(long value, String summary) implements Outcome {
        }

        record Exit(Rec.PsciRequest request) implements Outcome {
        }

        record Unmodelled(String reason) implements Outcome {
        }
    }

    static boolean psci(long function) {
        long id = function & 0xFFFF_FFFFL;
        return (id & 0xBFFF_FFE0L) == 0x8400_0000L;
    }

    Outcome call(RmmState state, Realm realm, Rec rec, Registers x) {
        long function = x.x(0) & 0xFFFF_FFFFL;
        if (function == VERSION) {
            return new Outcome.Returned(0x1_0001L, "PSCI_VERSION: 1.1");
        }
        if (function == FEATURES) {
            long asked = x.x(1) & 0xFFFF_FFFFL;
            for (long present : PRESENT) {
                if (present == asked) {
                    return new Outcome.Returned(SUCCESS, "PSCI_FEATURES(0x" + Long.toHexString(asked) + "): present");
                }
            }
            return new Outcome.Returned(NOT_SUPPORTED, "PSCI_FEATURES(0x" + Long.toHexString(asked) + "): NOT_SUPPORTED");
        }
        if (function == CPU_ON_32 || function == CPU_ON_64) {
            if (!realm.protectedIpa(x.x(2))) {
                return new Outcome.Returned(INVALID_ADDRESS, "CPU_ON at an entry outside the protected IPA space");
            }
            return toHost(realm, rec, function, x.x(1), ALREADY_ON, "CPU_ON");
        }
        if (function == AFFINITY_INFO_32 || function == AFFINITY_INFO_64) {
            if (x.x(2) != 0) {
                return new Outcome.Returned(INVALID_PARAMS, "AFFINITY_INFO above affinity level 0");
            }
            return toHost(realm, rec, function, x.x(1), AFFINITY_ON, "AFFINITY_INFO");
        }
        return new Outcome.Unmodelled("PSCI function 0x" + Long.toHexString(function) + " from a realm is not modelled");
    }

    /** A request about another REC of the realm goes to the host; one about itself or no REC is answered at once. */
    private static Outcome toHost(Realm realm, Rec rec, long function, long mpidr, long self, String name) {
        int target = recIndex(mpidr);
        if (target >= realm.nextRecIndex()) {
            return new Outcome.Returned(INVALID_PARAMS, name + " of MPIDR 0x" + Long.toHexString(mpidr) + ": no such REC");
        }
        if (target == rec.index()) {
            return new Outcome.Returned(self, name + " of the calling REC itself");
        }
        return new Outcome.Exit(new Rec.PsciRequest(function, mpidr, 0));
    }

    /** The REC index of an MPIDR: Aff0 [3:0], Aff1 [15:8], Aff2 [23:16] ({@code mpidr_to_rec_idx}). */
    static int recIndex(long mpidr) {
        return (int) ((mpidr & 0xF) | ((mpidr >>> 8) & 0xFF) << 4 | ((mpidr >>> 16) & 0xFF) << 12);
    }

    /** RMI_PSCI_COMPLETE: the checks, then the calling REC's result (TF-RMM {@code smc_psci_complete}). */
    RmmOutcome complete(RmmState state, long callingPa, long targetPa, long status) {
        if ((callingPa & (Granules.SIZE - 1)) != 0 || (targetPa & (Granules.SIZE - 1)) != 0
                || state.rec(callingPa).isEmpty() || state.rec(targetPa).isEmpty()) {
            return Answer.fail(state, RmmRules.PSCI_COMPLETE, RmiStatus.ERROR_INPUT, "the calling or target granule is no REC");
        }
        Rec calling = state.rec(callingPa).get();
        Rec target = state.rec(targetPa).get();
        if (calling.stage() != Rec.Stage.PSCI_REQUESTED) {
            return Answer.fail(state, RmmRules.PSCI_COMPLETE, RmiStatus.ERROR_INPUT, "the calling REC has no PSCI request pending");
        }
        Rec.PsciRequest request = calling.psci().orElseThrow();
        if (calling.rd() != target.rd() || recIndex(request.mpidr()) != target.index()) {
            return Answer.fail(state, RmmRules.PSCI_COMPLETE, RmiStatus.ERROR_INPUT, "the target is not the REC the realm named");
        }
        long result;
        RmiStatus status1 = RmiStatus.SUCCESS;
        RmmState next = state;
        if (request.function() == CPU_ON_32 || request.function() == CPU_ON_64) {
            if (status != SUCCESS && status != DENIED) {
                return Answer.fail(state, RmmRules.PSCI_COMPLETE, RmiStatus.ERROR_INPUT, "CPU_ON completes with SUCCESS or DENIED only");
            }
            if (target.runnable()) {
                result = ALREADY_ON;
                status1 = status == DENIED ? RmiStatus.ERROR_INPUT : RmiStatus.SUCCESS;
            } else if (status == DENIED) {
                result = DENIED;
            } else {
                result = SUCCESS;
                next = next.withRec(targetPa, target.madeRunnable());
            }
        } else {
            if (status != SUCCESS) {
                return Answer.fail(state, RmmRules.PSCI_COMPLETE, RmiStatus.ERROR_INPUT, "AFFINITY_INFO completes with SUCCESS only");
            }
            result = target.runnable() ? AFFINITY_ON : AFFINITY_OFF;
        }
        Rec.PsciRequest done = new Rec.PsciRequest(request.function(), request.mpidr(), result);
        next = next.withRec(callingPa, calling.withPsci(Rec.Stage.PSCI_COMPLETED, done));
        long value = result;
        RmiStatus answered = status1;
        return new RmmOutcome.Answered(Answer.of(RmmRules.PSCI_COMPLETE).status(answered).build(() -> "the realm's PSCI call"
                + " gets " + value + (answered == RmiStatus.SUCCESS ? "" : "; the host denied a CPU_ON of a running REC:"
                + " ERROR_INPUT")), next);
    }
}
