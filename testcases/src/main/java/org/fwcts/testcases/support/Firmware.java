package org.fwcts.testcases.support;

import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.Registers;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.profile.Profile;

/**
 * The firmware under test as a test sees it: each call is predicted by the model, issued by the
 * agent, and returned as a {@link CallCheck}. The model's state follows the target's across the
 * tests of one boot. Each call also goes into the current test's {@link CallTrace}.
 */
public final class Firmware {
    private final AgentSession agent;
    private final FirmwareModel model;
    private final CallTrace trace;
    private ModelState state = ModelState.freshBoot();
    private int callsMade;

    Firmware(AgentSession agent, FirmwareModel model, CallTrace trace) {
        this.agent = agent;
        this.model = model;
        this.trace = trace;
    }

    /** Predicts {@code call}, issues it with SMC, and returns both for checking. */
    public synchronized CallCheck smc(Registers call) {
        Outcome outcome = model.step(state, call);
        if (outcome instanceof Outcome.Unmodelled unmodelled) {
            throw new UnmodelledCallException(unmodelled.reason());
        }
        Outcome.Predicted predicted = (Outcome.Predicted) outcome;
        callsMade++;
        Observation observation = agent.smc(call);
        if (observation instanceof Observation.Completed completed) {
            // A contradicted prediction leaves the model's state where it was: the test fails, and
            // the state stays the last one the model trusts.
            predicted.after(completed.registers()).ifPresent(next -> state = next);
        }
        CallCheck check = new CallCheck("smc", call, predicted.alternatives(), observation);
        trace.record(check);
        return check;
    }

    /** The model's state of the target, as of the last call it could follow. */
    public synchronized ModelState state() {
        return state;
    }

    /** Continues from {@code next}, for callers that step parts of the model themselves. */
    public synchronized void advance(ModelState next) {
        state = next;
    }

    /** Adds a call checked outside {@link #smc} (an FF-A call with its RX buffer) to the test's trace. */
    public void record(CallCheck check) {
        trace.record(check);
    }

    /** Counts a call made around {@link #smc}, by a caller that steps the model itself. */
    public synchronized void recordCall() {
        callsMade++;
    }

    /** How many calls this boot has seen, so a run knows whether it is still fresh. */
    public synchronized int callsMade() {
        return callsMade;
    }

    public FirmwareModel model() {
        return model;
    }

    public Profile profile() {
        return model.profile();
    }

    public AgentSession agent() {
        return agent;
    }

    /** Names the firmware by its profile: reports show test parameters by their text, and it must not change between runs. */
    @Override
    public String toString() {
        return "firmware under test (profile " + model.profile().name() + ")";
    }
}
