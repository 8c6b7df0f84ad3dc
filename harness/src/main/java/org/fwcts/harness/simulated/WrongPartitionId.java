package org.fwcts.harness.simulated;

import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;

/**
 * Gives a partition the wrong ID: FFA_ID_GET from a secure endpoint returns the next ID, while the
 * partition information still lists the right one, as an SPMC that mixes up its partition table
 * at initialisation would.
 */
record WrongPartitionId() implements Deviation {

    @Override
    public String name() {
        return "wrong-partition-id";
    }

    @Override
    public String description() {
        return "FFA_ID_GET gives a partition the ID after its own";
    }

    @Override
    public Answer apply(FfaCall call, org.fwcts.model.ffa.spmc.FfaState before, Answer conforming) {
        if (Deviation.calls(call, FfaFunction.FFA_ID_GET) && Deviation.answers(conforming.registers(), FfaFunction.FFA_SUCCESS)
                && call.caller().isSecure()) {
            return conforming.withRegisters(conforming.registers().with(2, (conforming.registers().x(2) + 1) & 0xFFFF));
        }
        return conforming;
    }
}
