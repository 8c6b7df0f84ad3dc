package org.fwcts.testcases.support;

import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.harness.partition.PartitionClient;
import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Exchange;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.harness.pipeline.Observed;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.Partition;

/**
 * The FWCTS partition agent in a secure partition as a test sees it: its own FF-A calls and its
 * commands, each made through the run's call pipeline, which checks both the SPMC's forwarding
 * of every direct request and response and the partition's own calls against the model.
 */
public final class PartitionAgent {
    private final FfaFirmware ffa;
    private final PartitionClient client;

    private PartitionAgent(FfaFirmware ffa, EndpointId id, DirectMessageKind kind) {
        this.ffa = ffa;
        this.client = ffa.firmware().agents().partition(id, kind);
    }

    /** The agent in {@code partition}, spoken to with DIRECT_REQ2 where it accepts it, else DIRECT_REQ (64). */
    public static PartitionAgent in(FfaFirmware ffa, Partition partition) {
        DirectMessageKind kind = partition.has(Partition.RECEIVES_DIRECT_REQ2)
                && ffa.state().endpoint(ffa.self()).version().agreed().map(v -> v.atLeast(1, 2)).orElse(false)
                ? DirectMessageKind.REQ2 : DirectMessageKind.REQ_64;
        return new PartitionAgent(ffa, partition.id(), kind);
    }

    /** The agent in {@code partition}, spoken to with the direct-message form {@code kind}. */
    public static PartitionAgent in(FfaFirmware ffa, Partition partition, DirectMessageKind kind) {
        return new PartitionAgent(ffa, partition.id(), kind);
    }

    /** The agent in the first partition of the target's topology. */
    public static PartitionAgent first(FfaFirmware ffa) {
        return in(ffa, ffa.model().topology().partitions().get(0));
    }

    public EndpointId id() {
        return client.endpoint();
    }

    /** The partition's own FF-A call with nothing in its TX buffer. */
    public FfaCheck call(Registers call) {
        return call(call, new byte[0]);
    }

    /**
     * Maps the agent's own RX/TX buffers (addresses from its {@code info} answer) and releases a
     * full RX buffer, each a checked call; does nothing already done.
     */
    public void ready() {
        var mailbox = ffa.state().endpoint(id()).mailbox();
        if (mailbox.isEmpty()) {
            PartitionExchange info = expectOk(command(PartitionCommand.INFO, 0, 0, 0));
            CallAssert.assertThatCall(call(Registers.of(FfaFunction.FFA_RXTX_MAP.x0Smc64(),
                    info.result(2), info.result(3), 1))).matchesModel();
        } else if (mailbox.get().rxFull()) {
            CallAssert.assertThatCall(call(Registers.of(FfaFunction.FFA_RX_RELEASE.x0()))).matchesModel();
        }
    }

    /** The partition reads {@code length} bytes at {@code address}: status and the bytes. */
    public PartitionExchange hash(long address, long length) {
        return command(PartitionCommand.MEM_HASH, 0, 0, 0, address, length);
    }

    /** The partition writes one byte value over {@code length} bytes at {@code address}. */
    public PartitionExchange fill(long address, long length, int value) {
        return command(PartitionCommand.MEM_FILL, 0, 0, 0, address, length, value & 0xFF);
    }

    /** The partition branches with link to {@code address}; x0 comes back in r1 when the code returns. */
    public PartitionExchange execute(long address) {
        return command(PartitionCommand.MEM_EXEC, 0, 0, 0, address, 0);
    }

    /** One command, checked: the SPMC must forward the request and the response as the model says. */
    public PartitionExchange command(PartitionCommand command, int a, int b, int flags, long... args) {
        ffa.refuseIfGivenUp(id());
        Exchange exchange;
        try {
            exchange = client.command(command, a, b, flags, args);
        } catch (PartitionClient.Refused refused) {
            Observed observed = new Observed(new Observation.Indeterminate(refused.getMessage()), Optional.empty(),
                    refused.exchanges(), -1);
            Judgement judgement = ffa.pipeline().carried(id(), Registers.zero(), observed);
            throw new TargetUnresponsiveException(judgement.reason());
        }
        Observed observed = new Observed(new Observation.Completed(exchange.response()), Optional.empty(),
                List.of(exchange), -1);
        Judgement judgement = ffa.pipeline().carried(id(), exchange.request(), observed);
        TestVerdicts.raise(judgement.verdict(), judgement.reason());
        return new PartitionExchange(exchange.request(), exchange.response(), client.kind().payload(exchange.response()));
    }

    /**
     * The partition makes {@code call} with {@code tx} in its TX buffer; returns the check of that
     * call against the model, with its RX buffer read back when the model says the call fills it.
     */
    public FfaCheck call(Registers call, byte[] tx) {
        ffa.refuseIfGivenUp(id());
        Judgement judgement = ffa.pipeline().call(client, Conduit.DIRECT_REQUEST, call, tx);
        if (judgement.judgedAgainst().isEmpty() && judgement.verdict() != Verdict.UNMODELLED) {
            // The exchange broke, or the SPMC's forwarding went wrong, before the partition's call could be judged.
            TestVerdicts.raise(judgement.verdict(), judgement.reason());
        }
        return new FfaCheck(TestVerdicts.usable(judgement));
    }

    private static PartitionExchange expectOk(PartitionExchange exchange) {
        if (exchange.status() != org.fwcts.harness.partition.PartitionStatus.OK) {
            throw new TargetUnresponsiveException("the partition agent refused a command: " + exchange.status()
                    + " (payload r0 0x" + Long.toHexString(exchange.payload()[0]) + ")");
        }
        return exchange;
    }
}
