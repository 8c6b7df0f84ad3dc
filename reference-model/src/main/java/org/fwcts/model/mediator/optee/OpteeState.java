package org.fwcts.model.mediator.optee;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fwcts.model.ffa.EndpointId;

/**
 * The state of the mediator and OP-TEE behind it, as far as guests can tell: the calls waiting in
 * RPCs (each holds one of OP-TEE's threads and counts against its guest's limit), the sessions
 * each client holds, and the OS revision once bound.
 *
 * @param calls the calls waiting in an RPC, in the order they started
 * @param sessions the session IDs each client ID holds
 * @param osRevision GET_OS_REVISION's major and minor once seen, when the profile does not fix them
 * @param lastResumes each guest's last answer to a standard call or resume, for a mediator that replays it
 */
public record OpteeState(List<StdCall> calls, Map<Integer, Set<Integer>> sessions, Optional<List<Long>> osRevision,
        Map<EndpointId, org.fwcts.model.Registers> lastResumes) {
    private static final OpteeState FRESH = new OpteeState(List.of(), Map.of(), Optional.empty(), Map.of());

    public OpteeState {
        calls = List.copyOf(calls);
        Map<Integer, Set<Integer>> copy = new TreeMap<>();
        sessions.forEach((client, ids) -> copy.put(client, Set.copyOf(ids)));
        sessions = Map.copyOf(copy);
        lastResumes = Map.copyOf(lastResumes);
    }

    public static OpteeState freshBoot() {
        return FRESH;
    }

    /** How many calls {@code vm} has waiting (Xen's call_count). */
    public int callsOf(EndpointId vm) {
        return (int) calls.stream().filter(call -> call.vm().equals(vm)).count();
    }

    /** The call of {@code vm} waiting on OP-TEE thread {@code thread} (get_std_call). */
    public Optional<StdCall> waiting(EndpointId vm, int thread) {
        return calls.stream().filter(call -> call.vm().equals(vm) && call.thread() == thread && !call.lost()).findFirst();
    }

    /** OP-TEE's threads in use by waiting calls, whichever guest's. */
    public Set<Integer> busyThreads() {
        Set<Integer> busy = new TreeSet<>();
        calls.forEach(call -> busy.add(call.thread()));
        return busy;
    }

    /**
     * The threads in use by waiting calls OP-TEE sees from client {@code clientId}: with
     * CFG_NS_VIRTUALIZATION each guest partition has its own copy of the core's .data and .bss
     * (core/arch/arm/kernel/virtualization.c), its thread array included, so each guest has a pool.
     */
    public Set<Integer> busyThreads(int clientId) {
        Set<Integer> busy = new TreeSet<>();
        calls.stream().filter(call -> call.clientId() == clientId).forEach(call -> busy.add(call.thread()));
        return busy;
    }

    public OpteeState without(StdCall call) {
        List<StdCall> changed = new ArrayList<>(calls);
        changed.remove(call);
        return new OpteeState(changed, sessions, osRevision, lastResumes);
    }

    public OpteeState with(StdCall call) {
        List<StdCall> changed = new ArrayList<>(calls);
        changed.add(call);
        return new OpteeState(changed, sessions, osRevision, lastResumes);
    }

    public boolean holds(int clientId, int session) {
        return sessions.getOrDefault(clientId, Set.of()).contains(session);
    }

    public OpteeState withSession(int clientId, int session, boolean open) {
        Map<Integer, Set<Integer>> changed = new TreeMap<>(sessions);
        Set<Integer> ids = new TreeSet<>(changed.getOrDefault(clientId, Set.of()));
        if (open) {
            ids.add(session);
        } else {
            ids.remove(session);
        }
        changed.put(clientId, ids);
        return new OpteeState(calls, changed, osRevision, lastResumes);
    }

    public OpteeState withOsRevision(long major, long minor) {
        return new OpteeState(calls, sessions, Optional.of(List.of(major, minor)), lastResumes);
    }

    public OpteeState withLastResume(EndpointId vm, org.fwcts.model.Registers answer) {
        Map<EndpointId, org.fwcts.model.Registers> changed = new TreeMap<>(lastResumes);
        changed.put(vm, answer);
        return new OpteeState(calls, sessions, osRevision, changed);
    }
}
