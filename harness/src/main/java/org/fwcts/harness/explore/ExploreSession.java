package org.fwcts.harness.explore;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.fwcts.harness.boot.BootStrategy;
import org.fwcts.harness.boot.TargetReservation;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.pipeline.CallHistory;
import org.fwcts.harness.pipeline.CallPipeline;
import org.fwcts.harness.pipeline.NormalWorldAgent;
import org.fwcts.harness.session.BootAgents;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.harness.session.VmHost;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.FfaSettings;
import org.fwcts.targets.descriptor.TargetDescriptor;

/**
 * The target as explore drives it: a fresh boot for a sequence (and for every shrink candidate)
 * or, after sequences that did not diverge, the same boot continued; each call through the call pipeline into the run's call history, the console into its log.
 */
public final class ExploreSession implements AutoCloseable {
    private final FirmwareModel model;
    private final Transcript transcript;
    private final CallHistory history;
    private final CallPipeline pipeline;
    private final BootStrategy boots;
    private final ExploreContext context;
    private final boolean ffaMailbox;
    private BootAgents agents;

    public ExploreSession(TargetDescriptor descriptor, TargetLauncher launcher, FirmwareModel model, Path calls,
            Path console, IntFunction<Path> workDir) {
        this.model = model;
        this.context = TargetAreas.context(model, descriptor.ffa().map(FfaSettings::scratchBase), descriptor.file()
                .toString());
        this.ffaMailbox = TargetAreas.ffaMailbox(model);
        this.transcript = Transcript.toFile(console);
        // Like the calls, the console reaches its log at the end of each sequence.
        transcript.deferFlushes();
        this.history = CallHistory.appendingTo(calls);
        // A divergence is flushed when judged; passing calls at the end of each sequence.
        history.deferFlushes();
        this.pipeline = new CallPipeline(model, history);
        this.boots = new BootStrategy(descriptor, launcher, transcript, workDir, TargetReservation.NONE, this::booted);
    }

    private void booted(int number, String reason, TargetSession session) {
        pipeline.newBoot(reason);
        NormalWorldAgent normalWorld = new NormalWorldAgent(model.normalWorld(), session.agent(), ffaMailbox
                ? Optional.of(new NormalWorldAgent.Mailbox(context.txAddress(model.normalWorld()),
                        context.rxAddress(model.normalWorld()))) : Optional.empty());
        List<EndpointId> partitions = context.partitions();
        agents = new BootAgents(normalWorld, partitions, boots.endpoints(), number);
        if (session.target() instanceof VmHost host) {
            // Guests behind a hypervisor's mediator: each VM calls with its own agent, in its own scratch memory.
            agents.withVms(host.vmAgents());
            TargetAreas.guests(context, agents);
        }
    }

    /** Boots afresh (the first time: boots) and runs one sequence from {@code source}. */
    public SequenceResult run(SequenceRunner runner, ActionSource source, String reason) {
        if (boots.current().isEmpty() && boots.reasons().isEmpty()) {
            boots.session();
        } else {
            boots.freshBoot(reason);
        }
        try {
            return withBootCheck(runner.run(pipeline, agents, context, source));
        } finally {
            history.flush();
            transcript.flushDeferred();
        }
    }

    /** A sequence whose partition agents did not answer ends with what their boot lines show, if that diverges. */
    private SequenceResult withBootCheck(SequenceResult result) {
        if (result.setupFailure().isEmpty() || result.divergence().isPresent()) {
            return result;
        }
        return PartitionBootCheck.of(boots.bootConsole(), model, pipeline.state()).map(step -> {
            List<StepOutcome> outcomes = new java.util.ArrayList<>(result.outcomes());
            outcomes.add(step);
            return new SequenceResult(outcomes, result.setupFailure());
        }).orElse(result);
    }

    /** Runs one more sequence on the current boot, after sequences that did not diverge. */
    public SequenceResult continueBoot(SequenceRunner runner, ActionSource source) {
        if (boots.current().isEmpty() || pipeline.lostTrack().isPresent()) {
            throw new IllegalStateException("no boot the model still follows to continue on");
        }
        try {
            return withBootCheck(runner.continueRun(pipeline, agents, context, source));
        } finally {
            history.flush();
            transcript.flushDeferred();
        }
    }

    /** See {@link CallHistory#limitPassingBoots}. */
    public void limitHistory(long bytes) {
        history.limitPassingBoots(bytes);
    }

    /** Boots, and their calls, that only passed and were left out of the history past its limit. */
    public long[] historyLeftOut() {
        return new long[] {history.leftOutBoots(), history.leftOutCalls()};
    }

    public FirmwareModel model() {
        return model;
    }

    public ExploreContext context() {
        return context;
    }

    /** The last console lines, for a divergence's report. */
    public String consoleTail(int lines) {
        return transcript.tail(lines);
    }

    /** A mark in the console log, to take what follows it with {@link #consoleSince}. */
    public long consoleMark() {
        return transcript.mark();
    }

    /** The console lines since {@code mark}, at most the last {@code lines}. */
    public String consoleSince(long mark, int lines) {
        String[] since = transcript.since(mark).split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(since, Math.max(0, since.length - lines), since.length));
    }

    public int boots() {
        return boots.reasons().size();
    }

    public List<java.time.Duration> bootTimes() {
        return boots.times();
    }

    @Override
    public void close() {
        try {
            boots.close();
        } finally {
            transcript.close();
            history.close();
        }
    }
}
