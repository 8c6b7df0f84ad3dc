package org.fwcts.harness.simulated;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;

/**
 * FFA_ID_GET from a VM returns its domain ID rather than domain ID + 1, as a mediator that
 * forgot that endpoint 0 is the hypervisor's would; partition information still lists domain ID + 1.
 */
record WrongVmId() implements MediatorDeviation {
    private static final long FFA_SUCCESS_32 = FfaFunction.FFA_SUCCESS.x0();

    @Override
    public String name() {
        return "wrong-vm-id";
    }

    @Override
    public String description() {
        return "FFA_ID_GET gives a VM its domain ID, not domain ID + 1";
    }

    @Override
    public Registers answer(FfaCall call, Registers conforming) {
        boolean idGet = (call.registers().x(0) & 0xFFFF_FFFFL) == FfaFunction.FFA_ID_GET.x0();
        if (idGet && (conforming.x(0) & 0xFFFF_FFFFL) == FFA_SUCCESS_32) {
            return conforming.with(2, (conforming.x(2) - 1) & 0xFFFF);
        }
        return conforming;
    }
}
