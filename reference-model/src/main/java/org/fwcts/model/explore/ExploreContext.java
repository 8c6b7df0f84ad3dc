package org.fwcts.model.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Mailbox;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.spmc.FfaState;

/**
 * What generators read: the model's state of the current boot (starting from the SPMC model's
 * fresh-boot state for the topology), the system's topology, where the
 * normal world's scratch memory and each partition agent's buffers are, and what this boot has
 * seen (handles given out, sends still waiting for fragments). The runner updates it after every
 * step; generators only read it.
 */
public final class ExploreContext {
    /** Scratch pages 0 and 1 are the normal world's TX and RX buffers; the regions sent come after. */
    public static final int FIRST_REGION_PAGE = 8;
    public static final int REGION_PAGES = 6;

    private final Topology topology;
    private final long scratchBase;
    private final Map<EndpointId, long[]> buffers = new HashMap<>();
    private final Set<Long> handlesSeen = new LinkedHashSet<>();
    private final Map<Long, byte[]> remainders = new HashMap<>();
    private final Map<Class<?>, Part> parts = new HashMap<>();
    private FfaState state;
    private String partitionsUnavailable;
    /** The normal world is a guest VM whose version a hypervisor's mediator agreed (the SPMC never sees it). */
    private boolean agreedThroughMediator;

    /** What another interface's generators keep with the context (the RMM's view of its boot), reset at each fresh boot. */
    public interface Part {
        void freshBoot();
    }

    /**
     * @param scratchBase the normal world's scratch memory: page 0 its TX buffer, page 1 its RX buffer
     */
    public ExploreContext(Topology topology, long scratchBase) {
        this.topology = topology;
        this.scratchBase = scratchBase;
        this.state = FfaState.freshBoot(topology);
        buffers.put(normalWorld(), new long[] {scratchBase, scratchBase + Mailbox.PAGE_SIZE});
    }

    /** Starts a new boot: the model's fresh state, nothing seen. Partition buffer addresses stay (same images). */
    public void freshBoot() {
        state = FfaState.freshBoot(topology);
        handlesSeen.clear();
        remainders.clear();
        agreedThroughMediator = false;
        parts.values().forEach(Part::freshBoot);
    }

    /** The part of {@code type}, made by {@code made} the first time. */
    public <T extends Part> T part(Class<T> type, java.util.function.Supplier<T> made) {
        return type.cast(parts.computeIfAbsent(type, t -> made.get()));
    }

    /** The part of {@code type}, if a runner attached one. */
    public <T extends Part> Optional<T> part(Class<T> type) {
        return Optional.ofNullable(parts.get(type)).map(type::cast);
    }

    /** Follows the model after a step; {@code remainder} is what a fragmented send that just started still has to send. */
    public void advance(FfaState next, Optional<byte[]> remainder) {
        Set<Long> sendingBefore = new TreeSet<>(state.memory().sending().keySet());
        state = next;
        handlesSeen.addAll(next.memory().transactions().keySet());
        handlesSeen.addAll(next.memory().sending().keySet());
        remainders.keySet().retainAll(next.memory().sending().keySet());
        if (remainder.isPresent()) {
            for (Long handle : next.memory().sending().keySet()) {
                if (!sendingBefore.contains(handle)) {
                    remainders.put(handle, remainder.get().clone());
                }
            }
        }
    }

    /** Where the partition agent in {@code partition} keeps its TX and RX buffers (from its INFO answer). */
    public void partitionBuffers(EndpointId partition, long tx, long rx) {
        buffers.put(partition, new long[] {tx, rx});
    }

    public boolean knowsBuffers(EndpointId endpoint) {
        return buffers.containsKey(endpoint);
    }

    public long txAddress(EndpointId endpoint) {
        return buffersOf(endpoint)[0];
    }

    public long rxAddress(EndpointId endpoint) {
        return buffersOf(endpoint)[1];
    }

    private long[] buffersOf(EndpointId endpoint) {
        long[] pair = buffers.get(endpoint);
        if (pair == null) {
            throw new IllegalStateException("the buffers of " + endpoint + " are not known");
        }
        return pair;
    }

    public Topology topology() {
        return topology;
    }

    public FfaState state() {
        return state;
    }

    public EndpointId normalWorld() {
        return topology().primaryNormalWorld();
    }

    /**
     * Every endpoint an agent can call as now: the normal world first, then each partition once
     * the normal world has agreed a version (its agent is reached through the normal world's direct
     * requests, which need one).
     */
    public List<EndpointId> callers() {
        List<EndpointId> callers = new ArrayList<>();
        callers.add(normalWorld());
        if (partitionsReachable()) {
            topology().partitions().forEach(p -> callers.add(p.id()));
        }
        return callers;
    }

    /** Whether the partition agents can be reached: the normal world has agreed a version. */
    public boolean partitionsReachable() {
        return partitionsUnavailable == null
                && (agreedThroughMediator || state.endpoint(normalWorld()).version().agreed().isPresent());
    }

    /** Whether a hypervisor's mediator has agreed the normal world's version (its direct requests then reach the partitions). */
    public void agreedThroughMediator(boolean agreed) {
        agreedThroughMediator = agreed;
    }

    /** The partition agents do not answer (a target failure): later steps are the normal world's alone. */
    public void partitionsUnavailable(String why) {
        partitionsUnavailable = why;
    }

    /** Why the partition agents are left out, if they are. */
    public Optional<String> partitionsUnavailable() {
        return Optional.ofNullable(partitionsUnavailable);
    }

    /** The partitions of the topology, reachable now or not. */
    public List<EndpointId> partitions() {
        return topology().partitions().stream().map(p -> p.id()).toList();
    }

    /** The other side of {@code caller}: the first partition for the normal world, the normal world for a partition. */
    public EndpointId peer(EndpointId caller) {
        return caller.isSecure() || partitions().isEmpty() ? normalWorld() : partitions().get(0);
    }

    /** The address of scratch page {@code index}. */
    public long page(int index) {
        return scratchBase + (long) index * Mailbox.PAGE_SIZE;
    }

    /** Handles the target gave out on this boot, in the order first seen (reclaimed ones included). */
    public List<Long> handlesSeen() {
        return List.copyOf(handlesSeen);
    }

    /** Complete transactions, by handle in ascending order. */
    public List<Long> openHandles() {
        return List.copyOf(new TreeSet<>(state.memory().transactions().keySet()));
    }

    /** Sends still waiting for fragments, by handle in ascending order. */
    public List<Long> sendingHandles() {
        return List.copyOf(new TreeSet<>(state.memory().sending().keySet()));
    }

    /** The descriptor bytes the send under {@code handle} still has to send, if this boot started it. */
    public Optional<byte[]> remainder(long handle) {
        return Optional.ofNullable(remainders.get(handle)).map(byte[]::clone);
    }

    public boolean hasMailbox(EndpointId endpoint) {
        return state.endpoint(endpoint).mailbox().isPresent();
    }

    public boolean rxFull(EndpointId endpoint) {
        return state.endpoint(endpoint).mailbox().map(Mailbox::rxFull).orElse(false);
    }
}
