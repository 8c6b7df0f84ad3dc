package org.fwcts.testcases.support;

import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.pipeline.CallPipeline;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.harness.pipeline.NormalWorldAgent;
import org.fwcts.harness.session.BootAgents;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.Registers;
import org.fwcts.model.profile.Profile;

/**
 * The firmware under test as a test sees it from the normal-world agent: each call goes through
 * the run's {@link CallPipeline} (made, recorded, judged) and comes back as a {@link CallCheck}.
 */
public final class Firmware {
    private final CallPipeline pipeline;
    private final BootAgents agents;
    private final NormalWorldAgent agent;

    Firmware(CallPipeline pipeline, BootAgents agents) {
        this.pipeline = pipeline;
        this.agents = agents;
        this.agent = agents.normalWorld();
    }

    /** Makes {@code call} with SMC and returns its check; a call the model cannot predict skips the test. */
    public CallCheck smc(Registers call) {
        Judgement judgement = TestVerdicts.usable(pipeline.call(agent, Conduit.SMC, call, new byte[0]));
        return judgement.check().orElseThrow();
    }

    /** The model's state of the target, as of the last call it could follow. */
    public ModelState state() {
        return pipeline.state();
    }

    /** How many calls this boot has seen, so a run knows whether it is still fresh. */
    public int callsMade() {
        return pipeline.callsThisBoot();
    }

    CallPipeline pipeline() {
        return pipeline;
    }

    NormalWorldAgent normalWorld() {
        return agent;
    }

    /** The boot's agents by endpoint. */
    BootAgents agents() {
        return agents;
    }

    public FirmwareModel model() {
        return pipeline.model();
    }

    public Profile profile() {
        return model().profile();
    }

    public AgentSession agent() {
        return agent.session();
    }

    /** Names the firmware by its profile: reports show test parameters by their text, and it must not change between runs. */
    @Override
    public String toString() {
        return "firmware under test (profile " + model().profile().name() + ")";
    }
}
