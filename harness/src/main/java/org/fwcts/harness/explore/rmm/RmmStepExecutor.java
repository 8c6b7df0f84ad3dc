package org.fwcts.harness.explore.rmm;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.explore.SequenceRunner;
import org.fwcts.harness.explore.SetupFailure;
import org.fwcts.harness.explore.StepOutcome;
import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.harness.pipeline.CallPipeline;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.harness.pipeline.MemoryRegion;
import org.fwcts.harness.realm.RealmChannel;
import org.fwcts.harness.session.BootAgents;
import org.fwcts.model.MemoryWrite;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Step;
import org.fwcts.model.explore.rmm.RmmStep;
import org.fwcts.model.explore.rmm.RmmWorld;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.rmm.GranuleState;
import org.fwcts.model.rmm.RealmEndpoints;
import org.fwcts.model.rmm.RecOperationHost;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RmmRules;

/**
 * Issues RMM steps on one boot through the run's call pipeline, each call judged: RMI from the
 * normal-world agent with SMC, the realm agent's commands through {@link RealmChannel} (REC_ENTER
 * and the REC exit), a REC's stateful creation and destruction carried to their end as the RMM
 * asks, and normal-world reads of granules checked against the granule states. A step stops at its
 * first call that does not pass. Under an ABI with an activation gate it activates the RMM once per
 * boot before the first step.
 */
public final class RmmStepExecutor implements SequenceRunner.Executor {
    private final CallPipeline pipeline;
    private final BootAgents agents;
    private final RmmWorld world;
    private final AtomicBoolean activationRefused;

    /** The executors of a run on a target whose RMM tracks the scratch memory at {@code scratchBase}. */
    public static SequenceRunner.Executors of(long scratchBase, byte[] image) {
        // Once per run: a refused activation is reported, then the steps go on (judged against the RMM not active).
        AtomicBoolean refused = new AtomicBoolean();
        return (pipeline, agents, context) -> new RmmStepExecutor(pipeline, agents, context, scratchBase, image, refused);
    }

    /** The context of an RMM run: the normal world alone (no SPMC, no partitions), its scratch memory at {@code scratchBase}. */
    public static ExploreContext context(org.fwcts.model.firmware.FirmwareModel model, long scratchBase) {
        return new ExploreContext(new org.fwcts.model.ffa.Topology(List.of(model.normalWorld()), List.of(), List.of()),
                scratchBase);
    }

    RmmStepExecutor(CallPipeline pipeline, BootAgents agents, ExploreContext context, long scratchBase, byte[] image,
            AtomicBoolean activationRefused) {
        this.pipeline = pipeline;
        this.agents = agents;
        this.activationRefused = activationRefused;
        this.world = context.part(RmmWorld.class, () -> new RmmWorld(pipeline.model().rmm().orElseThrow(
                () -> new IllegalArgumentException("profile " + pipeline.model().profile().name() + " has no RMM"))
                .profile(), scratchBase, image));
    }

    @Override
    public Optional<SetupFailure> setUp() {
        if (world.state().active() || activationRefused.get()) {
            return Optional.empty();
        }
        Judgement activate = pipeline.call(agents.normalWorld(), Conduit.SMC,
                Registers.of(RmiFunction.RMI_RMM_ACTIVATE.id()), new byte[0]);
        if (activate.verdict() != Verdict.PASS) {
            activationRefused.set(true);
            return Optional.of(new SetupFailure("RMI_RMM_ACTIVATE, made before the first step of a boot: "
                    + activate.reason(), activate.verdict()));
        }
        world.advance(pipeline.state().rmm().orElse(world.state()));
        return Optional.empty();
    }

    @Override
    public StepOutcome execute(Action action, Step step) {
        RmmStep rmm = (RmmStep) step;
        Set<String> rules = new HashSet<>();
        StepOutcome last = null;
        for (RmmStep.Op op : rmm.ops()) {
            ModelState before = pipeline.state();
            if (op instanceof RmmStep.Rmi call) {
                last = judged(action, step, rmi(call.registers(), call.writes()), before, rules);
            } else if (op instanceof RmmStep.RealmCommand command) {
                last = judged(action, step, realm(command), before, rules);
            } else if (op instanceof RmmStep.RecCreate create) {
                last = operation(action, step, create.rd(), create.rec(), create, rules);
            } else if (op instanceof RmmStep.RecDestroy destroy) {
                last = operation(action, step, 0, destroy.rec(), destroy, rules);
            } else {
                last = probe(action, step, ((RmmStep.Probe) op).address(), before, rules);
            }
            if (last.verdict() != Verdict.PASS) {
                break;
            }
        }
        if (last == null) {
            throw new IllegalStateException(action + " made no call");
        }
        if (!last.diverged()) {
            world.advance(pipeline.state().rmm().orElse(world.state()));
        }
        return new StepOutcome(action, step, last.verdict(), last.rule(), rules, last.judgement(), last.detail(),
                last.before());
    }

    private Judgement rmi(Registers registers, List<MemoryWrite> writes) {
        CallMemory memory = writes.isEmpty() ? CallMemory.NONE : CallMemory.writing(writes.stream()
                .map(w -> new MemoryRegion(w.address(), w.bytes())).toArray(MemoryRegion[]::new));
        return pipeline.call(agents.normalWorld(), Conduit.SMC, registers, new byte[0], memory);
    }

    private Judgement realm(RmmStep.RealmCommand command) {
        RealmChannel channel = new RealmChannel(RealmEndpoints.of(command.ordinal()), agents.normalWorld(),
                command.rec(), command.run());
        return pipeline.call(channel, Conduit.REC_ENTER, command.command(), new byte[0]);
    }

    private static StepOutcome judged(Action action, Step step, Judgement judgement, ModelState before,
            Set<String> rules) {
        judgement.judgedAgainst().ifPresent(e -> e.registers().rules().forEach(r -> rules.add(r.id())));
        return new StepOutcome(action, step, judgement.verdict(), judgement.rule(), Set.of(), Optional.of(judgement),
                judgement.reason(), before);
    }

    /**
     * REC_CREATE or REC_DESTROY: one call under RMI 1.0; under 2.0 each INCOMPLETE answered as the
     * RMM asks (donate, reclaim, continue) until the operation ends.
     */
    private StepOutcome operation(Action action, Step step, long rd, long rec, RmmStep.Op op, Set<String> rules) {
        RmmStep.RecCreate create = op instanceof RmmStep.RecCreate c ? c : null;
        List<MemoryWrite> params = create == null ? List.of()
                : List.of(new MemoryWrite(create.paramsAddress(), create.params()));
        boolean stateful = world.profile().recCreateByDonation();
        ModelState before = pipeline.state();
        Judgement started = create == null ? rmi(Registers.of(RmiFunction.RMI_REC_DESTROY.id(), rec), List.of())
                : rmi(Registers.of(RmiFunction.RMI_REC_CREATE.id(), rd, rec, create.paramsAddress()),
                        stateful ? List.of() : params);
        StepOutcome last = judged(action, step, started, before, rules);
        if (!stateful) {
            return last;
        }
        long list = create == null ? ((RmmStep.RecDestroy) op).list() : create.list();
        RecOperationHost host = create == null ? RecOperationHost.destroying(x(started, 1), list)
                : RecOperationHost.creating(x(started, 1), list, create.aux(), create.paramsAddress(), create.params());
        for (int i = 0; i < RecOperationHost.MAX_CALLS && last.verdict() == Verdict.PASS
                && RecOperationHost.incomplete(x(last.judgement().orElseThrow(), 0)); i++) {
            RecOperationHost.HostCall call = host.next(x(last.judgement().get(), 0));
            before = pipeline.state();
            Judgement next = rmi(call.registers(), call.write().map(List::of).orElse(List.of()));
            last = judged(action, step, next, before, rules);
        }
        return last;
    }

    private static long x(Judgement judgement, int index) {
        return judgement.entry().observed().observation() instanceof Observation.Completed completed
                ? completed.registers().x(index) : 0;
    }

    /** A normal-world read of a granule: it must work while the granule is undelegated and fault while the RMM has it. */
    private StepOutcome probe(Action action, Step step, long address, ModelState before, Set<String> rules) {
        Rule rule = RmmRules.GRANULE_PAS;
        GranuleState state = world.state().granule(address & ~0xFFFL);
        boolean granted = state == GranuleState.UNDELEGATED;
        AgentMemory.Result read = agents.normalWorld().memory().read(address, 8);
        String page = "granule 0x" + Long.toHexString(address) + " (" + state + ")";
        if (read instanceof AgentMemory.Result.Unanswered unanswered) {
            return new StepOutcome(action, step, Verdict.UNKNOWN, "none", Set.of(), Optional.empty(),
                    "reading " + page + ": " + unanswered.reason(), before);
        }
        boolean worked = read instanceof AgentMemory.Result.Done;
        rules.add(rule.id());
        return new StepOutcome(action, step, granted == worked ? Verdict.PASS : Verdict.FAIL, rule.id(), Set.of(rule.id()),
                Optional.empty(), page + " read by the normal world: the model " + (granted ? "grants" : "denies")
                        + " it; the read " + (worked ? "worked" : "faulted"), before);
    }
}
