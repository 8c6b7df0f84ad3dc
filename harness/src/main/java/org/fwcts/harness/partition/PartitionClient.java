package org.fwcts.harness.partition;

import org.fwcts.harness.session.EndpointHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fwcts.harness.agent.AgentChain;
import org.fwcts.harness.agent.AgentProtocolException;
import org.fwcts.harness.agent.AgentReply;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Exchange;
import org.fwcts.harness.pipeline.Observed;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;

/**
 * The FWCTS partition agent in a secure partition, reached through direct requests from the
 * normal-world agent (firmware-images/sp-agent/PROTOCOL.md). It makes calls and commands and
 * reports every round trip; it judges nothing.
 *
 * <p>A partition call takes several round trips: write its TX buffer, stage the registers the
 * call command cannot carry, make the call, fetch the rest of its results, read its RX buffer.
 */
public final class PartitionClient implements AgentChannel {
    private static final int REGISTERS = Registers.COUNT;
    /** The status byte of the partition agent's response header (sp-agent/PROTOCOL.md). */
    private static final long STATUS_MASK = 0xFF;
    private final Function<Registers, Observation> normalWorld;
    /** The normal-world agent's console session when it is one (null for a VM's agent): it may serve chains. */
    private final AgentSession session;
    private final EndpointId requester;
    private final EndpointId partition;
    private final DirectMessageKind kind;
    private final EndpointHealth health;
    private final int boot;

    /** A command that did not go through: the exchanges so far and why. */
    public static final class Refused extends RuntimeException {
        private final transient List<Exchange> exchanges;
        private final transient Observation observation;

        Refused(String message, List<Exchange> exchanges) {
            this(message, exchanges, new Observation.Indeterminate(message));
        }

        private Refused(String message, List<Exchange> exchanges, Observation observation) {
            super(message);
            this.exchanges = List.copyOf(exchanges);
            this.observation = observation;
        }

        public List<Exchange> exchanges() {
            return exchanges;
        }

        /** What the call observed: the request that never came back, or why the call has no result. */
        public Observation observation() {
            return observation;
        }
    }

    /**
     * @param health where each request's answer or silence is recorded, so a partition silent across
     *     a relaunch is known as such
     * @param boot the number of the boot this client's requests go to
     */
    public PartitionClient(AgentSession normalWorld, EndpointId requester, EndpointId partition, DirectMessageKind kind,
            EndpointHealth health, int boot) {
        this(normalWorld::smc, normalWorld, requester, partition, kind, health, boot);
    }

    /** A client whose direct requests {@code requester}'s agent makes with its own SMC (a VM's agent). */
    public PartitionClient(AgentChannel requester, EndpointId partition, DirectMessageKind kind, EndpointHealth health,
            int boot) {
        this(call -> requester.invoke(Conduit.SMC, call, new byte[0], 0).observation(), null, requester.endpoint(),
                partition, kind, health, boot);
    }

    private PartitionClient(Function<Registers, Observation> normalWorld, AgentSession session, EndpointId requester,
            EndpointId partition, DirectMessageKind kind, EndpointHealth health, int boot) {
        this.normalWorld = normalWorld;
        this.session = session;
        this.requester = requester;
        this.partition = partition;
        this.kind = kind;
        this.health = health;
        this.boot = boot;
    }

    @Override
    public EndpointId endpoint() {
        return partition;
    }

    public DirectMessageKind kind() {
        return kind;
    }

    /** One command round trip; throws {@link Refused} when the request gets no result. */
    public Exchange command(PartitionCommand command, int a, int b, int flags, long... args) {
        return send(new Trip(direct()), command, a, b, flags, args);
    }

    @Override
    public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength) {
        if (conduit != Conduit.DIRECT_REQUEST) {
            throw new IllegalArgumentException("a partition's agent is reached through direct requests only");
        }
        if (session == null || !session.chains()) {
            return invoke(new Trip(direct()), call, tx, rxLength);
        }
        // The requests do not depend on the answers: plan them, send them as one chain in which the
        // agent stops where this client would, then judge the answers as if each had come alone.
        Plan plan = new Plan();
        invoke(new Trip(plan), call, tx, rxLength);
        AgentChain chain = new AgentChain();
        for (int i = 0; i < plan.requests.size(); i++) {
            chain.smc(plan.requests.get(i));
            if (plan.mustBeOk.get(i)) {
                chain.expect(kind.firstPayload(), PartitionStatus.OK.code(), STATUS_MASK);
            }
        }
        Replay replay = new Replay(plan.requests, session.chain(chain));
        Observed observed = invoke(new Trip(replay), call, tx, rxLength);
        replay.checkAllJudged();
        return observed;
    }

    private Observed invoke(Trip trip, Registers call, byte[] tx, int rxLength) {
        List<Exchange> exchanges = trip.exchanges;
        int cap = kind.payloadCount() - 1;
        int carrier = -1;
        try {
            writeTx(trip, tx);
            stage(trip, call, cap);
            carrier = exchanges.size();
            send(trip, PartitionCommand.FFA_CALL, Math.min(cap, REGISTERS), 0, 0, prefix(call, cap));
            for (int first = cap; first < REGISTERS; first += cap) {
                send(trip, PartitionCommand.FFA_GET, first, 0, 0);
            }
            Registers results = results(exchanges.subList(carrier, exchanges.size()), cap);
            Optional<byte[]> rx = rxLength == 0 ? Optional.empty() : Optional.of(readRx(trip, rxLength));
            return new Observed(new Observation.Completed(results), rx, exchanges, carrier);
        } catch (Refused refused) {
            // Whatever went through is still reported: the SPMC's forwarding of it can be judged.
            int reached = carrier >= 0 && carrier < exchanges.size() ? carrier : exchanges.size();
            return new Observed(refused.observation(), Optional.empty(), exchanges, reached);
        }
    }

    /** Writes {@code bytes} at the start of the partition's TX buffer, in as few round trips as fit. */
    private void writeTx(Trip trip, byte[] bytes) {
        int width = kind.bytesPerRegister();
        int room = (kind.payloadCount() - 2) * width;
        for (int offset = 0; offset < bytes.length; offset += room) {
            int count = Math.min(room, bytes.length - offset);
            long[] args = new long[kind.payloadCount() - 1];
            args[0] = offset;
            for (int i = 0; i < count; i++) {
                PayloadBytes.put(args, 1, width, i, bytes[offset + i]);
            }
            expectOk(trip, send(trip, PartitionCommand.TX_WRITE, count, 0, 0, args));
        }
    }

    /**
     * Zeroes the staged registers and stages those the call command itself cannot carry: the
     * first chunk always (it clears), later chunks only when they hold something.
     */
    private void stage(Trip trip, Registers call, int cap) {
        for (int first = cap; first < REGISTERS; first += cap) {
            long[] chunk = new long[Math.min(cap, REGISTERS - first)];
            boolean any = false;
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = call.x(first + i);
                any |= chunk[i] != 0;
            }
            boolean clear = first == cap;
            if (clear || any) {
                expectOk(trip, send(trip, PartitionCommand.FFA_SET, first, chunk.length,
                        clear ? PartitionCommand.FLAG_CLEAR : 0, chunk));
            }
        }
    }

    private byte[] readRx(Trip trip, int length) {
        int width = kind.bytesPerRegister();
        int room = (kind.payloadCount() - 1) * width;
        byte[] bytes = new byte[length];
        for (int offset = 0; offset < length; offset += room) {
            int count = Math.min(room, length - offset);
            Exchange read = expectOk(trip, send(trip, PartitionCommand.RX_READ, count, 0, 0, offset));
            long[] payload = kind.payload(read.response());
            for (int i = 0; i < count; i++) {
                bytes[offset + i] = PayloadBytes.get(payload, 1, width, i);
            }
        }
        return bytes;
    }

    private static long[] prefix(Registers call, int count) {
        long[] values = new long[Math.min(count, REGISTERS)];
        for (int i = 0; i < values.length; i++) {
            values[i] = call.x(i);
        }
        return values;
    }

    private Registers results(List<Exchange> fetches, int cap) {
        long[] values = new long[REGISTERS];
        int next = 0;
        for (Exchange fetch : fetches) {
            long[] payload = kind.payload(fetch.response());
            for (int i = 1; i <= cap && next < REGISTERS; i++) {
                values[next++] = payload[i];
            }
        }
        return Registers.of(values);
    }

    /** Sends one command from the normal world and adds the round trip to {@code exchanges}. */
    private Exchange send(Trip trip, PartitionCommand command, int a, int b, int flags, long... args) {
        long[] payload = new long[kind.payloadCount()];
        payload[0] = command.header(a, b, flags);
        System.arraycopy(args, 0, payload, 1, Math.min(args.length, payload.length - 1));
        Registers request = kind.message(kind.requestFunction(), requester.value(), partition.value(), payload);
        Observation observation = trip.route.carry(request);
        if (!(observation instanceof Observation.Completed completed)) {
            trip.route.unanswered(command);
            String message = "direct request to " + partition + ": " + observation;
            // A request the firmware never returned from is a finding on the carrier, not a call without a result.
            throw observation instanceof Observation.NotReturned ? new Refused(message, trip.exchanges, observation)
                    : new Refused(message, trip.exchanges);
        }
        trip.route.answered();
        Exchange exchange = new Exchange(request, completed.registers());
        trip.exchanges.add(exchange);
        return exchange;
    }

    private Exchange expectOk(Trip trip, Exchange exchange) {
        trip.route.mustBeOk();
        List<Exchange> exchanges = trip.exchanges;
        long status = kind.payload(exchange.response())[0];
        if ((status & STATUS_MASK) != PartitionStatus.OK.code()) {
            throw new Refused("the partition agent refused a command: " + PartitionStatus.of((int) (status & 0xFF))
                    .map(Enum::name).orElse("unknown status") + " (payload r0 0x" + Long.toHexString(status) + ")", exchanges);
        }
        return exchange;
    }

    /** The exchanges of one call or command so far and where its requests go. */
    private static final class Trip {
        final List<Exchange> exchanges = new ArrayList<>();
        final Route route;

        Trip(Route route) {
            this.route = route;
        }
    }

    /** Where a command's direct request goes, and what its answer or silence is recorded as. */
    private interface Route {
        Observation carry(Registers request);

        /** The request just carried must find the agent's status ok for the client to go on. */
        default void mustBeOk() {
        }

        default void answered() {
        }

        default void unanswered(PartitionCommand command) {
        }
    }

    /** A route to the partition itself, whose answers and silences count toward its health. */
    private abstract class PartitionRoute implements Route {
        @Override
        public void answered() {
            health.answered(partition);
        }

        @Override
        public void unanswered(PartitionCommand command) {
            health.unanswered(partition, boot, command + " request");
        }
    }

    /** Each request made at once by the normal world's agent. */
    private Route direct() {
        return new PartitionRoute() {
            @Override
            public Observation carry(Registers request) {
                return normalWorld.apply(request);
            }
        };
    }

    /** Collects the requests of a call, each answered as if the agent said ok with nothing else. */
    private static final class Plan implements Route {
        private static final Observation OK = new Observation.Completed(Registers.of(new long[REGISTERS]));
        final List<Registers> requests = new ArrayList<>();
        final List<Boolean> mustBeOk = new ArrayList<>();

        @Override
        public Observation carry(Registers request) {
            requests.add(request);
            mustBeOk.add(false);
            return OK;
        }

        @Override
        public void mustBeOk() {
            mustBeOk.set(mustBeOk.size() - 1, true);
        }
    }

    /** The planned requests answered in order by the results of their chain. */
    private final class Replay extends PartitionRoute {
        private final List<Registers> planned;
        private final List<AgentReply> results;
        private int next;

        Replay(List<Registers> planned, List<AgentReply> results) {
            this.planned = planned;
            this.results = results;
        }

        @Override
        public Observation carry(Registers request) {
            if (next >= planned.size() || !planned.get(next).equals(request)) {
                throw new IllegalStateException("a partition call's requests changed between its plan and its answers");
            }
            int index = next++;
            if (index < results.size()) {
                if (results.get(index) instanceof AgentReply.NoReply) {
                    // Answers lost with a chain line whose later request never came back: that request decides.
                    for (AgentReply result : results) {
                        if (result instanceof AgentReply.NotReturned) {
                            return session.observation(result);
                        }
                    }
                }
                return session.observation(results.get(index));
            }
            AgentReply last = results.isEmpty() ? null : results.get(results.size() - 1);
            return session.observation(last instanceof AgentReply.NoReply || last instanceof AgentReply.Rejected ? last
                    : new AgentReply.NoReply("the agent stopped the chain before this request"));
        }

        /** Every result the agent gave was judged: it stopped where this client stopped. */
        void checkAllJudged() {
            long answered = results.stream().filter(r -> r instanceof AgentReply.Ok || r instanceof AgentReply.Fault).count();
            if (answered > next) {
                throw new AgentProtocolException("the agent went on with a chain after a direct request whose answer"
                        + " stops it (" + answered + " results, " + next + " judged)");
            }
        }
    }
}
