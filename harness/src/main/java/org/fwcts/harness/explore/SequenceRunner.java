package org.fwcts.harness.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.pipeline.CallPipeline;
import org.fwcts.harness.session.BootAgents;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Generators;
import org.fwcts.model.explore.Step;

/**
 * Runs one sequence on the current boot, whose model state must be fresh: each action is made
 * concrete against the model's state, issued and checked; the sequence ends at its first
 * divergence, since the model then no longer knows the target's state. A partition's step while
 * the normal world has no version (a shrink candidate without that call) is left out: no direct
 * request can carry it.
 */
public final class SequenceRunner {
    private final List<AreaGenerator> generators;
    private final Executors executors;

    /** Issues the steps of one sequence: FF-A's {@link StepExecutor}, or another interface's. */
    public interface Executor {
        /** Makes what the boot needs before the next action (set-up calls); why one did not pass, if one did not. */
        Optional<SetupFailure> setUp();

        StepOutcome execute(Action action, Step step);
    }

    /** Makes the executor of a sequence. */
    public interface Executors {
        Executor of(CallPipeline pipeline, BootAgents agents, ExploreContext context);
    }

    public SequenceRunner(List<AreaGenerator> generators) {
        this(generators, StepExecutor::new);
    }

    public SequenceRunner(List<AreaGenerator> generators, Executors executors) {
        this.generators = List.copyOf(generators);
        this.executors = executors;
    }

    public SequenceResult run(CallPipeline pipeline, BootAgents agents, ExploreContext context, ActionSource source) {
        context.freshBoot();
        return continueRun(pipeline, agents, context, source);
    }

    /**
     * Runs one sequence on from where the boot's earlier sequences left the target and the
     * context (they did not diverge, so the model still follows the target).
     */
    public SequenceResult continueRun(CallPipeline pipeline, BootAgents agents, ExploreContext context,
            ActionSource source) {
        Executor executor = executors.of(pipeline, agents, context);
        List<StepOutcome> outcomes = new ArrayList<>();
        while (true) {
            Optional<SetupFailure> setup = executor.setUp();
            if (setup.isPresent()) {
                return new SequenceResult(outcomes, setup);
            }
            Optional<Action> next = source.next(context);
            if (next.isEmpty()) {
                break;
            }
            Action action = next.get();
            if (action.caller().isSecure() && !context.partitionsReachable()) {
                // A replayed partition step whose enabling version call a shrink removed: nothing can carry it.
                continue;
            }
            Step step = Generators.concretise(generators, action, context);
            StepOutcome outcome = executor.execute(action, step);
            outcomes.add(outcome);
            if (outcome.diverged()) {
                break;
            }
        }
        return new SequenceResult(outcomes, Optional.empty());
    }
}
