package org.fwcts.model.explore.mediator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.mediator.MediatorState;
import org.fwcts.model.mediator.VmState;
import org.fwcts.model.mediator.optee.OpteeState;

/**
 * What the mediator generators read beside the FF-A context: the whole model state of the boot
 * (the mediator's view of each VM, OP-TEE's calls and sessions), followed after every step, and
 * where each guest's scratch memory is (the same guest addresses in every VM, its own RAM).
 */
public final class GuestView implements ExploreContext.Part {
    private ModelState state = ModelState.freshBoot();
    private final Map<EndpointId, Long> scratch = new LinkedHashMap<>();

    /** The view {@code context} carries, attached on first use. */
    public static GuestView of(ExploreContext context) {
        return context.part(GuestView.class, GuestView::new);
    }

    @Override
    public void freshBoot() {
        state = ModelState.freshBoot();
    }

    /** Follows the model after a step that did not diverge. */
    public void follow(ModelState next) {
        state = next;
    }

    public ModelState state() {
        return state;
    }

    public MediatorState mediator() {
        return state.mediator().orElse(MediatorState.freshBoot());
    }

    public VmState vm(EndpointId id) {
        return mediator().vm(id);
    }

    public OpteeState optee() {
        return state.optee().orElse(OpteeState.freshBoot());
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
