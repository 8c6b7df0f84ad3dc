package org.fwcts.model.mediator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fwcts.model.ImmutableMaps;
import org.fwcts.model.ffa.EndpointId;

/**
 * The mediator's state: each VM's negotiation and buffers, and the list of VMs that other VMs see
 * in partition information (ffa_ctx_head, kept in the order VMs joined it: list_add_tail).
 *
 * @param listed the VMs on the list, in order; a VM appears once on a correct mediator
 */
public record MediatorState(Map<EndpointId, VmState> vms, List<EndpointId> listed) {
    public MediatorState {
        vms = ImmutableMaps.copyOf(vms);
        listed = List.copyOf(listed);
    }

    /** No VM has called yet. */
    public static MediatorState freshBoot() {
        return new MediatorState(Map.of(), List.of());
    }

    public VmState vm(EndpointId id) {
        return vms.getOrDefault(id, VmState.FRESH);
    }

    public MediatorState with(EndpointId id, VmState state) {
        return new MediatorState(ImmutableMaps.with(vms, id, state), listed);
    }

    /** {@code id} joins the end of the list. */
    public MediatorState listing(EndpointId id) {
        List<EndpointId> changed = new ArrayList<>(listed);
        changed.add(id);
        return new MediatorState(vms, changed);
    }

    /** {@code id} leaves the list (every entry of it: list_del on a VM listed twice would leave one). */
    public MediatorState unlisting(EndpointId id) {
        List<EndpointId> changed = new ArrayList<>(listed);
        changed.remove(id);
        return new MediatorState(vms, changed);
    }

    /** How many times {@code id} is on the list. */
    public int timesListed(EndpointId id) {
        int count = 0;
        for (EndpointId entry : listed) {
            count += entry.equals(id) ? 1 : 0;
        }
        return count;
    }
}
