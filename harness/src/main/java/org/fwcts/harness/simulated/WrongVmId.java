package org.fwcts.harness.simulated;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;

/**
 * FFA_ID_GET from a VM returns its domain ID rather than domain ID + 1, as a mediator that
 * forgot that endpoint 0 is the hypervisor's would; partition information still lists domain ID + 1.
 */
record WrongVmId() implements MediatorDeviation {

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
        if (Deviation.calls(call, FfaFunction.FFA_ID_GET) && Deviation.answers(conforming, FfaFunction.FFA_SUCCESS)) {
            return conforming.with(2, (conforming.x(2) - 1) & 0xFFFF);
        }
        return conforming;
    }
}
