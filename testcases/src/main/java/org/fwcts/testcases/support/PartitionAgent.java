package org.fwcts.testcases.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.harness.partition.PayloadBytes;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.Partition;

/**
 * Drives the FWCTS partition agent in a secure partition through direct requests from the
 * normal-world agent (firmware-images/sp-agent/PROTOCOL.md), and checks both the SPMC's
 * forwarding of every request and response and the partition's own FF-A calls against the model.
 *
 * <p>Observation first, checking after: a partition call takes several round trips (write its
 * TX buffer, make the call, fetch the rest of its results, read its RX buffer); all of them run,
 * then the model replays them in order, the partition's call between the request and response
 * that carried it.
 */
public final class PartitionAgent {
    private static final int REGISTERS = Registers.COUNT;
    private final FfaFirmware ffa;
    private final EndpointId id;
    private final DirectMessageKind kind;

    private PartitionAgent(FfaFirmware ffa, EndpointId id, DirectMessageKind kind) {
        this.ffa = ffa;
        this.id = id;
        this.kind = kind;
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
        return id;
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
        var mailbox = ffa.state().endpoint(id).mailbox();
        if (mailbox.isEmpty()) {
            PartitionExchange info = expectOk(command(PartitionCommand.INFO, 0, 0, 0));
            CallAssert.assertThatCall(call(Registers.of(FfaFunction.FFA_RXTX_MAP.x0Smc64(), info.result(2), info.result(3), 1)))
                    .matchesModel();
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
        PartitionExchange exchange = send(command, a, b, flags, args);
        replay(List.of(exchange), -1, null, Optional.empty());
        return exchange;
    }

    /**
     * The partition makes {@code call} with {@code tx} in its TX buffer; returns the check of that
     * call against the model, with its RX buffer read back when the model says the call fills it.
     */
    public FfaCheck call(Registers call, byte[] tx) {
        FfaCall partitionCall = new FfaCall(id, call, tx);
        FfaOutcome expected = ffa.model().step(ffa.state(), partitionCall);
        if (!(expected instanceof FfaOutcome.Predicted predicted)) {
            throw new org.opentest4j.TestAbortedException("no prediction for the partition's call " + partitionCall
                    + ": " + expected);
        }
        List<PartitionExchange> exchanges = new ArrayList<>(writeTx(tx));
        int cap = kind.payloadCount() - 1;
        exchanges.addAll(stage(call, cap));
        int callIndex = exchanges.size();
        exchanges.add(send(PartitionCommand.FFA_CALL, Math.min(cap, REGISTERS), 0, 0, prefix(call, cap)));
        for (int first = cap; first < REGISTERS; first += cap) {
            exchanges.add(send(PartitionCommand.FFA_GET, first, 0, 0));
        }
        Optional<byte[]> rx = readRx(predicted, exchanges);
        return replay(exchanges, callIndex, partitionCall, rx);
    }

    /** Writes {@code bytes} at the start of the partition's TX buffer, in as few round trips as fit. */
    private List<PartitionExchange> writeTx(byte[] bytes) {
        List<PartitionExchange> exchanges = new ArrayList<>();
        int width = kind.bytesPerRegister();
        int room = (kind.payloadCount() - 2) * width;
        for (int offset = 0; offset < bytes.length; offset += room) {
            int count = Math.min(room, bytes.length - offset);
            long[] args = new long[kind.payloadCount() - 1];
            args[0] = offset;
            for (int i = 0; i < count; i++) {
                PayloadBytes.put(args, 1, width, i, bytes[offset + i]);
            }
            exchanges.add(expectOk(send(PartitionCommand.TX_WRITE, count, 0, 0, args)));
        }
        return exchanges;
    }

    /**
     * Zeroes the staged registers and stages those the call command itself cannot carry: the
     * first chunk always (it clears), later chunks only when they hold something.
     */
    private List<PartitionExchange> stage(Registers call, int cap) {
        List<PartitionExchange> exchanges = new ArrayList<>();
        for (int first = cap; first < REGISTERS; first += cap) {
            long[] chunk = new long[Math.min(cap, REGISTERS - first)];
            boolean any = false;
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = call.x(first + i);
                any |= chunk[i] != 0;
            }
            boolean clear = first == cap;
            if (clear || any) {
                exchanges.add(expectOk(send(PartitionCommand.FFA_SET, first, chunk.length,
                        clear ? PartitionCommand.FLAG_CLEAR : 0, chunk)));
            }
        }
        return exchanges;
    }

    private static long[] prefix(Registers call, int count) {
        long[] values = new long[Math.min(count, REGISTERS)];
        for (int i = 0; i < values.length; i++) {
            values[i] = call.x(i);
        }
        return values;
    }

    private static Registers results(List<PartitionExchange> fetches, int cap) {
        long[] values = new long[REGISTERS];
        int next = 0;
        for (PartitionExchange fetch : fetches) {
            for (int i = 1; i <= cap && next < REGISTERS; i++) {
                values[next++] = fetch.result(i);
            }
        }
        return Registers.of(values);
    }

    private Optional<byte[]> readRx(FfaOutcome.Predicted predicted, List<PartitionExchange> exchanges) {
        int length = 0;
        for (FfaPrediction alternative : predicted.alternatives()) {
            length = Math.max(length, alternative.rx().map(rx -> rx.encode().length).orElse(0));
        }
        if (length == 0) {
            return Optional.empty();
        }
        int width = kind.bytesPerRegister();
        int room = (kind.payloadCount() - 1) * width;
        byte[] bytes = new byte[length];
        for (int offset = 0; offset < length; offset += room) {
            int count = Math.min(room, length - offset);
            PartitionExchange read = expectOk(send(PartitionCommand.RX_READ, count, 0, 0, offset));
            exchanges.add(read);
            for (int i = 0; i < count; i++) {
                bytes[offset + i] = PayloadBytes.get(read.payload(), 1, width, i);
            }
        }
        return Optional.of(bytes);
    }

    /** Sends one command from the normal world; nothing is checked yet. */
    private PartitionExchange send(PartitionCommand command, int a, int b, int flags, long... args) {
        long[] payload = new long[kind.payloadCount()];
        payload[0] = command.header(a, b, flags);
        System.arraycopy(args, 0, payload, 1, Math.min(args.length, payload.length - 1));
        Registers request = kind.message(kind.requestFunction(), ffa.self().value(), id.value(), payload);
        ffa.endpoints().refuseIfGivenUp(id);
        Observation observation = ffa.issue(request);
        if (!(observation instanceof Observation.Completed completed)) {
            ffa.endpoints().unanswered(id, ffa.boot(), command + " request");
            ffa.distrust("a direct request to " + id + " gave no result: " + observation);
            throw new TargetUnresponsiveException("direct request to " + id + ": " + observation);
        }
        ffa.endpoints().answered(id);
        return new PartitionExchange(request, completed.registers(), kind.payload(completed.registers()));
    }

    private static PartitionExchange expectOk(PartitionExchange exchange) {
        if (exchange.status() != PartitionStatus.OK) {
            throw new TargetUnresponsiveException("the partition agent refused a command: " + exchange.status()
                    + " (payload r0 0x" + Long.toHexString(exchange.payload()[0]) + ")");
        }
        return exchange;
    }

    /**
     * Steps the model through the exchanges in order, checking the SPMC's forwarding of each; the
     * partition's own call, if any, between the request and the response of exchange {@code callIndex}.
     */
    private FfaCheck replay(List<PartitionExchange> exchanges, int callIndex, FfaCall partitionCall,
            Optional<byte[]> rx) {
        FfaCheck callCheck = null;
        for (int i = 0; i < exchanges.size(); i++) {
            PartitionExchange exchange = exchanges.get(i);
            FfaState state = forward(FfaCall.of(ffa.self(), exchange.request()), id, ffa.state(), null);
            if (i == callIndex) {
                callCheck = partitionCallCheck(partitionCall, state, exchanges.subList(i, exchanges.size()), rx);
                state = callCheck.match().filter(m -> m instanceof FfaOutcome.Match.Consistent)
                        .map(m -> ((FfaOutcome.Match.Consistent) m).next()).orElse(state);
            }
            Registers response = kind.message(kind.responseFunction(), id.value(), ffa.self().value(), exchange.payload());
            ffa.advance(forward(new FfaCall(id, response, new byte[0]), ffa.self(), state, exchange.response()));
        }
        return callCheck;
    }

    private FfaCheck partitionCallCheck(FfaCall call, FfaState before, List<PartitionExchange> fetches,
            Optional<byte[]> rx) {
        FfaOutcome.Predicted predicted = (FfaOutcome.Predicted) ffa.model().step(before, call);
        Registers observed = results(fetches, kind.payloadCount() - 1);
        FfaOutcome.Match match = predicted.match(observed, rx);
        if (match instanceof FfaOutcome.Match.Contradicted) {
            ffa.distrust("the partition's call " + call + " contradicted the model");
        }
        FfaCheck check = new FfaCheck(call, predicted, new Observation.Completed(observed), rx, Optional.of(match));
        ffa.record(check);
        return check;
    }

    /**
     * Steps a message the SPMC should pass to {@code receiver}; when {@code seen} is given, checks
     * that the receiver saw what the model says. Returns the state after the hand-over.
     */
    private FfaState forward(FfaCall call, EndpointId receiver, FfaState before, Registers seen) {
        FfaOutcome outcome = ffa.model().step(before, call);
        if (!(outcome instanceof FfaOutcome.Forwarded forwarded) || !forwarded.receiver().equals(receiver)) {
            ffa.distrust("the model does not pass " + call + " to " + receiver + ": " + outcome);
            throw new AssertionError("the SPMC model does not forward " + call + " to " + receiver + ": " + describe(outcome));
        }
        if (seen != null && !forwarded.receiverSees().admits(seen)) {
            ffa.distrust("the SPMC did not forward " + call + " as the model says");
            throw new AssertionError("the SPMC's forwarding contradicts the model\n"
                    + new CallCheck("forwarded to " + receiver, call.registers(), forwarded.receiverSees(),
                            new Observation.Completed(seen)).table());
        }
        return forwarded.next();
    }

    private static String describe(FfaOutcome outcome) {
        if (outcome instanceof FfaOutcome.Predicted predicted) {
            return predicted.primary().summary();
        }
        return outcome.toString();
    }
}
