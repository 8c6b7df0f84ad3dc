package org.fwcts.harness.explore;

import org.fwcts.harness.compare.Verdict;

/**
 * Why a sequence could not start: the set-up call a boot needs before its first step (a partition
 * agent's INFO command, the RMM's activation) did not pass.
 *
 * @param reason what went wrong, with the call's check
 * @param verdict the set-up call's verdict: FAIL when the target answered against the model (a
 *     finding in its own right), another when it gave no usable answer
 */
public record SetupFailure(String reason, Verdict verdict) {

    /** True when the target answered the set-up call, and the answer contradicted the model. */
    public boolean contradicted() {
        return verdict == Verdict.FAIL;
    }
}
