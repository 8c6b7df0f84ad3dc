package org.fwcts.harness.simulated;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;

/**
 * The mediator gives a VM the handle of its memory share with the halves swapped (w2 the high
 * half, w3 the low), as a mediator that mixed up the order of regpair_to_uint64's arguments would:
 * the SPMC and the mediator's own list keep the real handle, so nothing the VM does with it works.
 */
record ShareHandleSwapped() implements MediatorDeviation {

    @Override
    public String name() {
        return "share-handle-swapped";
    }

    @Override
    public String description() {
        return "FFA_MEM_SHARE from a VM answers the handle with its 32-bit halves swapped";
    }

    @Override
    public Registers answer(FfaCall call, Registers conforming) {
        if (Deviation.calls(call, FfaFunction.FFA_MEM_SHARE) && Deviation.answers(conforming, FfaFunction.FFA_SUCCESS)) {
            return conforming.with(2, conforming.x(3) & 0xFFFF_FFFFL).with(3, conforming.x(2) & 0xFFFF_FFFFL);
        }
        return conforming;
    }
}
