package org.fwcts.model.rmm;

import java.util.OptionalLong;
import org.fwcts.model.Registers;

/**
 * RSI_ATTEST_TOKEN_INIT and RSI_ATTEST_TOKEN_CONTINUE (DEN0137 1.0, "Realm attestation"; TF-RMM
 * {@code runtime/rsi/realm_attest.c}, alike in v0.8.0 and v0.9.0). INIT takes the 64-byte challenge in x1..x8 and
 * answers the token's upper bound; CONTINUE signs the realm token, then copies the CCA token into a granule of the
 * realm, {@code size} bytes at {@code offset} per call, INCOMPLETE until the last byte. The token's bytes are not
 * predicted: its length is only bounded, so a CONTINUE whose end the bound cannot place is unmodelled.
 */
final class Attestation {
    static final long RSI_ERROR_STATE = 2;
    static final long RSI_INCOMPLETE = 3;
    /**
     * Bytes every CCA token has at least: the realm token alone carries the 64-byte challenge, the RIM and four REMs
     * of at least 32 bytes each.
     */
    static final int MIN_TOKEN = 64 + 5 * 32;

    private final RmmProfile profile;

    Attestation(RmmProfile profile) {
        this.profile = profile;
    }

    /** INIT always succeeds and restarts the token (TF-RMM: "calling INIT any time aborts any ongoing operation"). */
    RsiCommands.Result init(Rec rec) {
        return new RsiCommands.Result.Attested(rec.withTokenCopied(OptionalLong.of(0)), RsiCommands.Result.Returned.of(
                RmmRules.RSI_ATTEST, "RSI_ATTEST_TOKEN_INIT: the token takes at most " + profile.tokenBufferSize()
                        + " bytes", RsiCommands.RSI_SUCCESS, profile.tokenBufferSize()));
    }

    /**
     * CONTINUE's checks in TF-RMM's order: the buffer granule aligned and the range within it, then the buffer in
     * the protected half, then a token started, then the granule's RIPAS (EMPTY: ERROR_INPUT; RAM without data: an
     * exit to the host, unmodelled), then the copy.
     */
    RsiCommands.Result proceed(RmmState state, Realm realm, Rec rec, Registers rsi) {
        long ipa = rsi.x(1);
        long offset = rsi.x(2);
        long size = rsi.x(3);
        String call = "RSI_ATTEST_TOKEN_CONTINUE(0x" + Long.toHexString(ipa) + ", " + offset + ", " + size + ")";
        long end = offset + size;
        if ((ipa & (Granules.SIZE - 1)) != 0 || Long.compareUnsigned(offset, Granules.SIZE) >= 0
                || Long.compareUnsigned(end, Granules.SIZE) > 0 || Long.compareUnsigned(end, offset) < 0) {
            return error(call + ": the buffer is not a granule or the range leaves it", RsiCommands.RSI_ERROR_INPUT);
        }
        if (!realm.protectedIpa(ipa)) {
            return error(call + ": the buffer is not in the protected half", RsiCommands.RSI_ERROR_INPUT);
        }
        if (rec.tokenCopied().isEmpty()) {
            return error(call + " with no token started by RSI_ATTEST_TOKEN_INIT", RSI_ERROR_STATE);
        }
        RttEntry entry = Walk.of(state, realm, ipa, Granules.PAGE_LEVEL).entry();
        if (entry.state() != RttEntry.State.ASSIGNED || entry.ripas() != Ripas.RAM) {
            if (entry.ripas() == Ripas.EMPTY) {
                return error(call + ": the buffer's RIPAS is EMPTY", RsiCommands.RSI_ERROR_INPUT);
            }
            return new RsiCommands.Result.Unmodelled(call + " into RAM without data (an exit to the host)");
        }
        long copied = rec.tokenCopied().getAsLong();
        if (size == 0) {
            return new RsiCommands.Result.Returned(new long[] {RSI_INCOMPLETE}, new boolean[] {true}, RmmRules.RSI_ATTEST,
                    call + ": the token is signed, nothing copied");
        }
        if (copied + size <= MIN_TOKEN) {
            return new RsiCommands.Result.Attested(rec.withTokenCopied(OptionalLong.of(copied + size)),
                    RsiCommands.Result.Returned.of(RmmRules.RSI_ATTEST, call + ": bytes " + copied + " to "
                            + (copied + size) + " of a longer token", RSI_INCOMPLETE, size));
        }
        if (copied + size >= profile.tokenBufferSize()) {
            return new RsiCommands.Result.Attested(rec.withTokenCopied(OptionalLong.empty()),
                    new RsiCommands.Result.Returned(new long[] {RsiCommands.RSI_SUCCESS}, new boolean[] {true},
                            RmmRules.RSI_ATTEST, call + ": the rest of the token, its length not predicted"));
        }
        return new RsiCommands.Result.Unmodelled(call + ": whether the token ends within these bytes depends on its"
                + " length, which the model does not predict");
    }

    private static RsiCommands.Result error(String summary, long status) {
        return RsiCommands.Result.Returned.of(RmmRules.RSI_ATTEST, summary, status);
    }
}
