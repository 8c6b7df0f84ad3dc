package org.fwcts.model.rmm;

import org.fwcts.model.Registers;
import org.fwcts.model.Rule;

/** RSI commands a realm makes (DEN0137 1.0, "RSI commands"; TF-RMM v0.8.0 {@code runtime/rsi}). */
final class RsiCommands {
    static final long RSI_SUCCESS = 0;
    static final long RSI_ERROR_INPUT = 1;

    private final RmmProfile profile;
    private final Attestation attestation;

    RsiCommands(RmmProfile profile) {
        this.profile = profile;
        this.attestation = new Attestation(profile);
    }

    /** What an RSI call does: returns to the realm with results, exits for a RIPAS change, or is not modelled. */
    sealed interface Result {
        /** Returns to the realm: {@code values[i]} is x{@code i}, known where {@code known[i]}. */
        record Returned(long[] values, boolean[] known, Rule rule, String summary) implements Result {
            static Returned of(Rule rule, String summary, long... values) {
                boolean[] known = new boolean[values.length];
                java.util.Arrays.fill(known, true);
                return new Returned(values, known, rule, summary);
            }
        }

        record RipasExit(Rec.RipasChange change) implements Result {
        }

        record Unmodelled(String reason) implements Result {
        }

        /** Returns to the realm after changing the realm's measurements. */
        record Measured(Realm next, Returned returned) implements Result {
        }

        /** Returns to the realm after changing the REC's attestation progress. */
        record Attested(Rec next, Returned returned) implements Result {
        }
    }

    /** RSI call {@code rsi} (x0 the function ID) from {@code rec} of {@code realm}. */
    Result call(RmmState state, Realm realm, Rec rec, Registers rsi) {
        var function = RsiFunction.of(rsi.x(0));
        if (function.isEmpty()) {
            return new Result.Unmodelled("0x" + Long.toHexString(rsi.x(0)) + " is not an RSI command of RSI 1.0");
        }
        switch (function.get()) {
            case RSI_VERSION:
                return version(rsi.x(1));
            case RSI_FEATURES:
                return Result.Returned.of(RmmRules.RSI_FEATURES, "RSI_FEATURES(" + rsi.x(1) + ") = 0", RSI_SUCCESS, 0);
            case RSI_REALM_CONFIG:
                return realmConfig(state, realm, rsi.x(1));
            case RSI_IPA_STATE_GET:
                return ipaStateGet(state, realm, rsi.x(1), rsi.x(2));
            case RSI_IPA_STATE_SET:
                return ipaStateSet(realm, rsi.x(1), rsi.x(2), rsi.x(3), rsi.x(4));
            case RSI_MEASUREMENT_READ:
                return measurementRead(realm, rsi.x(1));
            case RSI_MEASUREMENT_EXTEND:
                return measurementExtend(realm, rsi);
            case RSI_ATTEST_TOKEN_INIT:
                return attestation.init(rec);
            case RSI_ATTEST_TOKEN_CONTINUE:
                return attestation.proceed(state, realm, rec, rsi);
            default:
                return new Result.Unmodelled(function.get() + " is not modelled yet");
        }
    }

    /**
     * RSI_MEASUREMENT_READ: index 0 (the RIM) succeeds with a value the host's commands built, which the model does
     * not compute; REMs 1-4 read back in x1.. with the words past the hash zero; any other index is ERROR_INPUT.
     */
    private static Result measurementRead(Realm realm, long index) {
        if (Long.compareUnsigned(index, Measurements.REMS) > 0) {
            return Result.Returned.of(RmmRules.RSI_MEASUREMENT, "RSI_MEASUREMENT_READ(" + index + ")", RSI_ERROR_INPUT);
        }
        if (index == 0) {
            return new Result.Returned(new long[] {RSI_SUCCESS}, new boolean[] {true}, RmmRules.RSI_MEASUREMENT,
                    "RSI_MEASUREMENT_READ of the RIM (its value is not modelled)");
        }
        long[] words = Measurements.words(realm.rems().get((int) index - 1));
        long[] values = new long[9];
        System.arraycopy(words, 0, values, 1, 8);
        values[0] = RSI_SUCCESS;
        return Result.Returned.of(RmmRules.RSI_MEASUREMENT, "RSI_MEASUREMENT_READ(" + index + ") = "
                + realm.rems().get((int) index - 1), values);
    }

    /** RSI_MEASUREMENT_EXTEND: REM 1-4, at most 64 bytes from x3..x10 (index 0 and larger sizes: ERROR_INPUT). */
    private static Result measurementExtend(Realm realm, Registers rsi) {
        long index = rsi.x(1);
        long size = rsi.x(2);
        if (index == 0 || Long.compareUnsigned(index, Measurements.REMS) > 0
                || Long.compareUnsigned(size, Measurements.MAX_EXTENSION) > 0) {
            return Result.Returned.of(RmmRules.RSI_MEASUREMENT, "RSI_MEASUREMENT_EXTEND(" + index + ", " + size + ")",
                    RSI_ERROR_INPUT);
        }
        long[] words = new long[8];
        for (int i = 0; i < words.length; i++) {
            words[i] = rsi.x(3 + i);
        }
        String extended = Measurements.extend(realm.hashAlgorithm(), realm.rems().get((int) index - 1), words, (int) size);
        return new Result.Measured(realm.withRem((int) index, extended), Result.Returned.of(RmmRules.RSI_MEASUREMENT,
                "REM " + index + " extended by " + size + " bytes: " + extended, RSI_SUCCESS));
    }

    private Result version(long requested) {
        long highest = profile.rsiVersion().encode();
        // TF-RMM lists every minor revision of its major up to the highest (runtime/rsi/version.c).
        boolean supported = (requested >>> 16) == (highest >>> 16) && Long.compareUnsigned(requested, highest) <= 0;
        return Result.Returned.of(RmmRules.RSI_VERSION, "RSI_VERSION(0x" + Long.toHexString(requested) + ")",
                supported ? RSI_SUCCESS : RSI_ERROR_INPUT, supported ? requested : highest, highest);
    }

    private static Result realmConfig(RmmState state, Realm realm, long ipa) {
        if ((ipa & (Granules.SIZE - 1)) != 0 || !realm.protectedIpa(ipa)) {
            return Result.Returned.of(RmmRules.RSI_REALM_CONFIG, "RSI_REALM_CONFIG at an unaligned or unprotected IPA",
                    RSI_ERROR_INPUT);
        }
        RttEntry entry = Walk.of(state, realm, ipa, Granules.PAGE_LEVEL).entry();
        if (entry.state() == RttEntry.State.ASSIGNED && entry.ripas() == Ripas.RAM) {
            return Result.Returned.of(RmmRules.RSI_REALM_CONFIG, "RSI_REALM_CONFIG writes the configuration", RSI_SUCCESS);
        }
        if (entry.ripas() == Ripas.EMPTY) {
            return Result.Returned.of(RmmRules.RSI_REALM_CONFIG, "RSI_REALM_CONFIG at RIPAS EMPTY", RSI_ERROR_INPUT);
        }
        return new Result.Unmodelled("RSI_REALM_CONFIG at an unassigned RAM or destroyed IPA");
    }

    private static Result ipaStateGet(RmmState state, Realm realm, long base, long end) {
        if ((base & (Granules.SIZE - 1)) != 0 || (end & (Granules.SIZE - 1)) != 0
                || Long.compareUnsigned(base, end) >= 0 || Long.compareUnsigned(end, realm.unprotectedBase()) > 0) {
            return Result.Returned.of(RmmRules.RSI_IPA_STATE_GET, "RSI_IPA_STATE_GET of an invalid range", RSI_ERROR_INPUT);
        }
        Walk first = Walk.of(state, realm, base, Granules.PAGE_LEVEL);
        Ripas ripas = first.entry().ripas();
        long top = base;
        while (Long.compareUnsigned(top, end) < 0) {
            Walk walk = Walk.of(state, realm, top, Granules.PAGE_LEVEL);
            if (walk.entry().ripas() != ripas) {
                break;
            }
            top = walk.entryIpa() + Granules.blockSize(walk.level());
        }
        top = Long.compareUnsigned(top, end) > 0 ? end : top;
        return Result.Returned.of(RmmRules.RSI_IPA_STATE_GET, "RIPAS " + ripas + " from 0x" + Long.toHexString(base)
                + " to 0x" + Long.toHexString(top), RSI_SUCCESS, top, ripas.code());
    }

    private static Result ipaStateSet(Realm realm, long base, long top, long ripas, long flags) {
        if (ripas > Ripas.RAM.code() || (base & (Granules.SIZE - 1)) != 0 || (top & (Granules.SIZE - 1)) != 0
                || Long.compareUnsigned(top, base) <= 0 || Long.compareUnsigned(top, realm.unprotectedBase()) > 0) {
            return Result.Returned.of(RmmRules.RSI_IPA_STATE_SET, "RSI_IPA_STATE_SET with invalid input", RSI_ERROR_INPUT);
        }
        return new Result.RipasExit(new Rec.RipasChange(base, top, Ripas.values()[(int) ripas], (flags & 1) != 0, base));
    }
}
