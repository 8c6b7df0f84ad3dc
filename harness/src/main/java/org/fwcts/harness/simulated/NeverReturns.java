package org.fwcts.harness.simulated;

import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;

/**
 * The firmware never returns from one FF-A function called by the normal-world agent, as an SPMC
 * handler that spins or deadlocks on a lock would: the simulated agent announces the call and
 * then answers nothing until the machine is relaunched.
 */
record NeverReturns(FfaFunction function) implements Deviation {
    static final String PREFIX = "never-returns:";

    @Override
    public String name() {
        return PREFIX + function.name();
    }

    @Override
    public String description() {
        return "the firmware never returns from " + function.name() + " called from the normal world";
    }

    @Override
    public Answer apply(FfaCall call, org.fwcts.model.ffa.spmc.FfaState before, Answer conforming) {
        if (Deviation.calls(call, function) && call.caller().value() == 0) {
            throw new Hang(function.name());
        }
        return conforming;
    }

    /** The simulated firmware is stuck in a call: nothing comes back to the agent that made it. */
    static final class Hang extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Hang(String function) {
            super("stuck in " + function, null, false, false);
        }
    }
}
