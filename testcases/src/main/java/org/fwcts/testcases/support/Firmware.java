package org.fwcts.testcases.support;

import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.model.FirmwareModel;
import org.fwcts.model.ModelState;
import org.fwcts.model.Registers;
import org.fwcts.model.prediction.Outcome;
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
        Observation observation = agent.smc(call);
        if (observation instanceof Observation.Completed) {
            state = predicted.next();
        }
        CallCheck check = new CallCheck("smc", call, predicted.prediction(), observation);
        trace.record(check);
        return check;
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
