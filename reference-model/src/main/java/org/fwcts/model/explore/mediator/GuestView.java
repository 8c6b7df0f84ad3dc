package org.fwcts.model.explore.mediator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.MediatorState;
import org.fwcts.model.mediator.VmState;
import org.fwcts.model.mediator.optee.OpteeState;

/**
 * What the mediator generators read beside the FF-A context: the mediators' state on the boot
 * (the FF-A mediator's view of each VM, OP-TEE's calls and sessions), followed after every step, and
 * where each guest's scratch memory is (the same guest addresses in every VM, its own RAM).
 */
public final class GuestView implements ExploreContext.Part {
    private MediatorState mediator = MediatorState.freshBoot();
    private OpteeState optee = OpteeState.freshBoot();
    private final Map<EndpointId, Long> scratch = new LinkedHashMap<>();

    /** The view {@code context} carries, attached on first use. */
    public static GuestView of(ExploreContext context) {
        return context.part(GuestView.class, GuestView::new);
    }

    @Override
    public void freshBoot() {
        mediator = MediatorState.freshBoot();
        optee = OpteeState.freshBoot();
    }

    /** Follows the model after a step that did not diverge: the mediators' states, fresh where untouched. */
    public void follow(Optional<MediatorState> nextMediator, Optional<OpteeState> nextOptee) {
        mediator = nextMediator.orElse(MediatorState.freshBoot());
        optee = nextOptee.orElse(OpteeState.freshBoot());
    }

    public MediatorState mediator() {
        return mediator;
    }

    public VmState vm(EndpointId id) {
        return mediator().vm(id);
    }

    public OpteeState optee() {
        return optee;
    }

    /** Where {@code vm}'s agent lets the harness write messages (its scratch area), as its agent declared it. */
    public void scratch(EndpointId vm, long address) {
        scratch.put(vm, address);
    }

    /** The guest address of scratch page {@code index} of {@code vm}, if its agent declared a scratch area. */
    public Optional<Long> page(EndpointId vm, int index) {
        return Optional.ofNullable(scratch.get(vm)).map(base -> base + (long) index * 4096);
    }

    /** The VMs whose scratch area is known. */
    public List<EndpointId> withScratch() {
        return List.copyOf(scratch.keySet());
    }
}
