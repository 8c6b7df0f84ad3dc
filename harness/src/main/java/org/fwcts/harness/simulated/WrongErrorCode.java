package org.fwcts.harness.simulated;

import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;

/** Answers one FF-A function's error with a different status code than the profile's. */
record WrongErrorCode(FfaFunction function, FfaError expected, FfaError actual) implements Deviation {

    @Override
    public String name() {
        return "wrong-error:" + function + ":" + expected + ":" + actual;
    }

    @Override
    public String description() {
        return function + " answers " + actual + " where the profile says " + expected;
    }

    @Override
    public Answer apply(FfaCall call, org.fwcts.model.ffa.spmc.FfaState before, Answer conforming) {
        boolean thisFunction = Deviation.calls(call, function);
        boolean thatError = Deviation.answers(conforming.registers(), FfaFunction.FFA_ERROR)
                && (conforming.registers().x(2) & 0xFFFF_FFFFL) == expected.register();
        if (thisFunction && thatError) {
            return conforming.withRegisters(conforming.registers().with(2, actual.register()));
        }
        return conforming;
    }
}
