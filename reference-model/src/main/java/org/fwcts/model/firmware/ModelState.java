package org.fwcts.model.firmware;

import java.util.Optional;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.mediator.MediatorState;

/**
 * The firmware state the model carries from one call to the next within a boot.
 *
 * @param ffa the FF-A state, once an FF-A call has been made; before that the FF-A model
 *     starts from its fresh-boot state
 * @param mediator the hypervisor's FF-A mediator state, once a VM has called it; before that
 *     the mediator starts from its fresh-boot state
 */
public record ModelState(Optional<FfaState> ffa, Optional<MediatorState> mediator) {
    private static final ModelState FRESH = new ModelState(Optional.empty(), Optional.empty());

    public ModelState(Optional<FfaState> ffa) {
        this(ffa, Optional.empty());
    }

    /** The state right after the target boots. */
    public static ModelState freshBoot() {
        return FRESH;
    }

    public ModelState withFfa(FfaState state) {
        return new ModelState(Optional.of(state), mediator);
    }

    public ModelState withMediator(MediatorState state) {
        return new ModelState(ffa, Optional.of(state));
    }
}
