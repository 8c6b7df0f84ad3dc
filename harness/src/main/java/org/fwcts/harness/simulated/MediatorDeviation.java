package org.fwcts.harness.simulated;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.mediator.MediatorState;

/**
 * A way the simulated hypervisor's FF-A mediator departs from its profile: it rewrites the answer
 * to a VM's call, or the mediator's state after two calls a VM released together. It leaves the
 * SPMC's answers alone.
 */
interface MediatorDeviation extends Deviation {

    @Override
    default Answer apply(FfaCall call, FfaState before, Answer conforming) {
        return conforming;
    }

    /** The registers the deviating mediator answers {@code call} with, instead of {@code conforming}. */
    default org.fwcts.model.Registers answer(FfaCall call, org.fwcts.model.Registers conforming) {
        return conforming;
    }

    /**
     * The mediator's state after {@code vm}'s two calls released together, instead of {@code afterBoth}.
     *
     * @param before the state before either call
     * @param afterFirst the state after the call served first
     * @param secondAloneLists whether the call served second, made alone from {@code before}, would
     *     have listed {@code vm} too (both calls race to list it)
     */
    default MediatorState together(EndpointId vm, MediatorState before, MediatorState afterFirst, MediatorState afterBoth,
            boolean secondAloneLists) {
        return afterBoth;
    }
}
