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
    private static final long FFA_SUCCESS_32 = FfaFunction.FFA_SUCCESS.x0();

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
        long fid = call.registers().x(0) & 0xFFFF_FFFFL;
        boolean share = fid == FfaFunction.FFA_MEM_SHARE.x0() || fid == (FfaFunction.FFA_MEM_SHARE.x0Smc64() & 0xFFFF_FFFFL);
        if (share && (conforming.x(0) & 0xFFFF_FFFFL) == FFA_SUCCESS_32) {
            return conforming.with(2, conforming.x(3) & 0xFFFF_FFFFL).with(3, conforming.x(2) & 0xFFFF_FFFFL);
        }
        return conforming;
    }
}
