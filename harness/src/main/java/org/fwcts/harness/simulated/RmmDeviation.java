package org.fwcts.harness.simulated;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.rmm.RmmState;

/**
 * A way the simulated RMM departs from its profile on purpose. It rewrites the conforming answer
 * to one RMI command: the result registers (for REC_ENTER, the exit in
 * {@link org.fwcts.model.rmm.RealmCall}'s encoding) and the RMM state after it.
 */
interface RmmDeviation extends Deviation {

    /** The answer the deviating RMM gives instead of {@code conforming} to {@code call} made in {@code before}. */
    RmmAnswer apply(Registers call, RmmState before, RmmAnswer conforming);

    /** Whether a delegated granule stays readable and writable from the normal world. */
    default boolean leavesDelegatedAccessible() {
        return false;
    }

    /** RMM deviations leave FF-A calls alone. */
    @Override
    default Answer apply(FfaCall call, FfaState before, Answer conforming) {
        return conforming;
    }

    /** One RMM answer: result registers and the state after. */
    record RmmAnswer(Registers registers, RmmState next) {
    }
}
