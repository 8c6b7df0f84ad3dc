package org.fwcts.harness.simulated;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.Borrower;
import org.fwcts.model.ffa.memory.Decoded;
import org.fwcts.model.ffa.memory.RelinquishDescriptor;
import org.fwcts.model.ffa.spmc.FfaState;

/**
 * FFA_MEM_RELINQUISH succeeds for a borrower that never retrieved the memory, and changes
 * nothing: an SPMC that counts retrievals per transaction and lost its "nobody holds it" check
 * (TF-A's in_use) would do this.
 */
final class RelinquishNotHeld implements Deviation {

    @Override
    public String name() {
        return "relinquish-not-held";
    }

    @Override
    public String description() {
        return "FFA_MEM_RELINQUISH by a borrower that has not retrieved the memory succeeds";
    }

    @Override
    public Answer apply(FfaCall call, FfaState before, Answer conforming) {
        if (!Deviation.calls(call, FfaFunction.FFA_MEM_RELINQUISH)
                || !Deviation.answers(conforming.registers(), FfaFunction.FFA_ERROR)
                || !(RelinquishDescriptor.decode(call.tx()) instanceof Decoded.Valid<RelinquishDescriptor> valid)) {
            return conforming;
        }
        boolean receiverNotHolding = before.memory().transaction(valid.value().handle())
                .flatMap(record -> record.borrower(call.caller())).filter(b -> !b.holds()).map(Borrower::id)
                .isPresent();
        return receiverNotHolding ? new Answer(Registers.of(FfaFunction.FFA_SUCCESS.x0()), conforming.rx(), before)
                : conforming;
    }
}
