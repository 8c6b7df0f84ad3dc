package org.fwcts.harness.explore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.harness.partition.PartitionClient;
import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.pipeline.CallPipeline;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Exchange;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.harness.pipeline.Observed;
import org.fwcts.harness.session.BootAgents;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.model.firmware.ModelState;

/**
 * Issues steps on one boot through the run's call pipeline: FF-A calls from the normal world
 * with its own SMC, a partition's through its agent (each direct request and response checked),
 * and memory probes checked against the model's access map. Keeps the generators' context in
 * step with the model.
 */
public final class StepExecutor implements SequenceRunner.Executor {
    /** {@code movz x0, #0x5a5a; ret}: what a probe places to see whether a page executes. */
    private static final byte[] RETURN_MARKER = {0x40, 0x4b, (byte) 0x8b, (byte) 0xd2, (byte) 0xc0, 0x03, 0x5f,
        (byte) 0xd6};
    private static final long MARKER = 0x5a5a;

    private final CallPipeline pipeline;
    private final BootAgents agents;
    private final ExploreContext context;
    private final GuestSteps guests;

    public StepExecutor(CallPipeline pipeline, BootAgents agents, ExploreContext context) {
        this.pipeline = pipeline;
        this.agents = agents;
        this.context = context;
        this.guests = new GuestSteps(pipeline, agents, context);
        guests.follow();
    }

    @Override
    public Optional<SetupFailure> setUp() {
        return learnPartitionBuffers().map(j -> new SetupFailure("the partition agent's INFO command: " + j.reason(),
                j.verdict()));
    }

    /**
     * Asks each partition agent where its buffers are (an INFO command, checked like any other)
     * unless the context knows already or cannot reach them yet (the normal world has no version);
     * the images do not change between boots.
     *
     * @return the judgement of a command that did not pass, if one did not
     */
    public Optional<Judgement> learnPartitionBuffers() {
        for (EndpointId partition : context.partitions()) {
            if (context.knowsBuffers(partition) || !context.partitionsReachable()) {
                continue;
            }
            PartitionClient client = agents.partition(partition, DirectMessageKind.REQ_64);
            Judgement judgement = command(client, PartitionCommand.INFO);
            if (judgement.verdict() != Verdict.PASS) {
                return Optional.of(judgement);
            }
            long[] payload = client.kind().payload(judgement.entry().observed().exchanges().get(0).response());
            context.partitionBuffers(partition, payload[2], payload[3]);
        }
        return Optional.empty();
    }

    /** Issues {@code step} (made from {@code action}) and, unless it diverged, moves the context on with the model. */
    @Override
    public StepOutcome execute(Action action, Step step) {
        ModelState before = pipeline.state();
        StepOutcome outcome;
        if (step instanceof Step.Call call) {
            outcome = fromJudgement(action, step, call(call), before);
        } else if (step instanceof Step.Ping ping) {
            PartitionClient client = agents.partition(ping.caller(), DirectMessageKind.REQ_64);
            outcome = fromJudgement(action, step, command(client, PartitionCommand.PING, ping.payload()), before);
        } else if (GuestSteps.issues(step)) {
            outcome = fromJudgement(action, step, GuestSteps.deciding(guests.issue((Step.Extension) step)), before);
        } else {
            outcome = probe(action, (Step.Probe) step, before);
        }
        if (!outcome.diverged()) {
            Optional<byte[]> remainder = step instanceof Step.Call call ? call.remainder() : Optional.empty();
            context.advance(pipeline.state().ffa().orElse(context.state()), remainder);
            guests.follow();
        }
        return outcome;
    }

    private Judgement call(Step.Call call) {
        boolean own = call.caller().equals(context.normalWorld());
        AgentChannel agent = own ? agents.normalWorld() : agents.agent(call.caller()).orElseThrow(() ->
                new IllegalStateException("no agent calls as " + call.caller()));
        if (agent instanceof PartitionClient && takesDirectReq2(call.caller())) {
            agent = agents.partition(call.caller(), DirectMessageKind.REQ2);
        }
        return pipeline.call(agent, own ? Conduit.SMC : Conduit.DIRECT_REQUEST, call.registers(), call.tx());
    }

    /**
     * Whether the model says the normal world may reach {@code partition} with DIRECT_REQ2 (it
     * receives it, and the normal world agreed FF-A v1.2 or later): a partition's call then takes
     * about half the direct requests of DIRECT_REQ, each still checked.
     */
    private boolean takesDirectReq2(EndpointId partition) {
        return context.topology().partition(partition).map(p -> p.has(Partition.RECEIVES_DIRECT_REQ2)).orElse(false)
                && context.state().endpoint(context.normalWorld()).version().agreed().map(v -> v.atLeast(1, 2))
                        .orElse(false);
    }

    private Judgement command(PartitionClient client, PartitionCommand command, long... args) {
        try {
            Exchange exchange = client.command(command, 0, 0, 0, args);
            Observed observed = new Observed(new Observation.Completed(exchange.response()), Optional.empty(),
                    List.of(exchange), -1);
            return pipeline.carried(client.endpoint(), exchange.request(), observed);
        } catch (PartitionClient.Refused refused) {
            Observed observed = new Observed(new Observation.Indeterminate(refused.getMessage()), Optional.empty(),
                    refused.exchanges(), -1);
            return pipeline.carried(client.endpoint(), Registers.zero(), observed);
        }
    }

    private static StepOutcome fromJudgement(Action action, Step step, Judgement judgement, ModelState before) {
        Set<String> rules = judgement.judgedAgainst().map(e -> e.registers().rules().stream().map(Rule::id)
                .collect(java.util.stream.Collectors.toSet())).orElse(Set.of());
        return new StepOutcome(action, step, judgement.verdict(), judgement.rule(), rules, Optional.of(judgement),
                judgement.reason(), before);
    }

    /** A real access, checked against the access map: denied must fault, granted must work. */
    private StepOutcome probe(Action action, Step.Probe probe, ModelState before) {
        if (!context.topology().isEnforced(probe.caller())) {
            // Without hardware enforcing the map a real access may go beyond it: not observable, so not made.
            return new StepOutcome(action, probe, Verdict.UNMODELLED, "none", Set.of(), Optional.empty(),
                    "the topology does not enforce " + probe.caller() + "'s memory access: a probe proves nothing", before);
        }
        PageAccess granted = context.state().memory().access().access(probe.caller(), probe.address());
        Rule rule = ruleFor(probe.caller(), probe.address());
        String page = "page 0x" + Long.toHexString(probe.address());
        if (probe.caller().isSecure()) {
            PartitionClient client = agents.partition(probe.caller(), DirectMessageKind.REQ_64);
            Judgement judgement = command(client, PartitionCommand.MEM_HASH, probe.address(), 8);
            if (judgement.verdict() != Verdict.PASS) {
                return fromJudgement(action, probe, judgement, before);
            }
            long status = client.kind().payload(judgement.entry().observed().exchanges().get(0).response())[0] & 0xFF;
            boolean worked = status == PartitionStatus.OK.code();
            return checked(action, probe, rule, before, page + " read by " + probe.caller(), granted.read(), worked);
        }
        AgentMemory memory = agents.normalWorld().memory();
        if (probe.access() == Step.MemoryAccess.EXECUTE && granted.write()) {
            AgentMemory.Result planted = memory.write(probe.address(), RETURN_MARKER);
            if (planted instanceof AgentMemory.Result.Unanswered unanswered) {
                return unknown(action, probe, before, "placing code at " + page + ": " + unanswered.reason());
            }
            if (!(planted instanceof AgentMemory.Result.Done)) {
                return checked(action, probe, rule, before, page + " written by " + probe.caller(), true, false);
            }
            AgentMemory.Result run = memory.execute(probe.address(), 0);
            if (run instanceof AgentMemory.Result.Unanswered unanswered) {
                return unknown(action, probe, before, "executing " + page + ": " + unanswered.reason());
            }
            boolean executed = run instanceof AgentMemory.Result.Done done && done.value() == MARKER;
            return checked(action, probe, rule, before, page + " executed by " + probe.caller(), granted.execute(),
                    executed);
        }
        AgentMemory.Result read = memory.read(probe.address(), 8);
        if (read instanceof AgentMemory.Result.Unanswered unanswered) {
            return unknown(action, probe, before, "reading " + page + ": " + unanswered.reason());
        }
        return checked(action, probe, rule, before, page + " read by " + probe.caller(), granted.read(),
                read instanceof AgentMemory.Result.Done);
    }

    private static StepOutcome checked(Action action, Step.Probe probe, Rule rule, ModelState before, String what,
            boolean granted, boolean worked) {
        Verdict verdict = granted == worked ? Verdict.PASS : Verdict.FAIL;
        String detail = what + ": the model " + (granted ? "grants" : "denies") + " it; the access "
                + (worked ? "worked" : "faulted");
        return new StepOutcome(action, probe, verdict, rule.id(), Set.of(rule.id()), Optional.empty(), detail, before);
    }

    private static StepOutcome unknown(Action action, Step.Probe probe, ModelState before, String why) {
        return new StepOutcome(action, probe, Verdict.UNKNOWN, "none", Set.of(), Optional.empty(), why, before);
    }

    /** The rule that sets {@code endpoint}'s access to the page now: as a borrower, as the sender, or after reclaim. */
    private Rule ruleFor(EndpointId endpoint, long address) {
        for (TransactionRecord record : context.state().memory().transactions().values()) {
            boolean covers = record.region().constituents().stream().anyMatch(c -> address >= c.address()
                    && address < c.address() + (long) c.pageCount() * 4096);
            if (!covers) {
                continue;
            }
            if (record.borrower(endpoint).isPresent()) {
                return MemoryRules.BORROWER_AFTER_RETRIEVE;
            }
            if (record.sender().equals(endpoint)) {
                return MemoryRules.OWNER_AFTER_SEND;
            }
        }
        return MemoryRules.RECLAIM_RESTORES_EXACTLY;
    }
}
