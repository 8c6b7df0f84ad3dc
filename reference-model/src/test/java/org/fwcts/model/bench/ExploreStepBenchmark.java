package org.fwcts.model.bench;

import org.fwcts.model.explore.ffa.FfaAreas;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaSelection;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Generators;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.profile.AgentTopologies;
import org.fwcts.model.profile.SpmcProfiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One explore step in-process against a simulated conforming SPMC: draw an action from every
 * area's proposals, make it concrete, predict it, answer it as the model's primary outcome says
 * (the simulation), check the answer against the prediction, and move the state on; a fresh boot
 * every 24 steps, as explore's sequences. What the console and agents add on a real or simulated
 * target is not in it: this is the ceiling the generators and checker put on explore's rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExploreStepBenchmark {
    private static final int SEQUENCE = 24;

    @Param({"tfa-el3-spmc", "hafnium"})
    public String profile;

    private SpmcModel model;
    private ExploreContext context;
    private AreaSelection areas;
    private SplittableRandom random;
    private int step;

    @Setup(Level.Trial)
    public void setUp() {
        model = new SpmcModel(SpmcProfiles.named(profile).orElseThrow(), AgentTopologies.normalWorldAndOnePartition(8));
        context = new ExploreContext(model.topology(), 0x7000_0000L);
        context.partitionBuffers(AgentTopologies.SP_AGENT_ID, 0x0E11_0000L, 0x0E11_4000L);
        areas = AreaSelection.parse("", FfaAreas.all());
        random = new SplittableRandom(1);
    }

    @Benchmark
    public boolean exploreStep() {
        if (++step % SEQUENCE == 0) {
            context.freshBoot();
        }
        Action action = areas.propose(context).draw(random);
        Step concrete = Generators.concretise(FfaAreas.all(), action, context);
        if (!(concrete instanceof Step.Call call)) {
            return false;
        }
        FfaOutcome outcome = model.step(context.state(), new FfaCall(call.caller(), call.registers(), call.tx()));
        if (!(outcome instanceof FfaOutcome.Predicted predicted)) {
            return false;
        }
        FfaPrediction primary = predicted.primary();
        Registers answer = ConformingAnswer.registers(primary.registers(), call.registers());
        boolean admitted = primary.registers().admits(answer);
        context.advance(primary.after().given(answer), call.remainder());
        return admitted;
    }
}
