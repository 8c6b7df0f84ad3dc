package org.fwcts.model.firmware;

import java.util.Optional;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.mediator.MediatorState;
import org.fwcts.model.mediator.optee.OpteeState;
import org.fwcts.model.rmm.RmmState;

/**
 * The firmware state the model carries from one call to the next within a boot.
 *
 * @param ffa the FF-A state, once an FF-A call has been made; before that the FF-A model
 *     starts from its fresh-boot state
 * @param mediator the hypervisor's FF-A mediator state, once a VM has called it; before that
 *     the mediator starts from its fresh-boot state
 * @param rmm the RMM state, once an RMI call has been made; before that the RMM model starts from
 *     its fresh-boot state
 * @param optee the hypervisor's OP-TEE mediator and OP-TEE, once a VM has called them
 */
public record ModelState(Optional<FfaState> ffa, Optional<MediatorState> mediator, Optional<RmmState> rmm,
        Optional<OpteeState> optee) {
    private static final ModelState FRESH = new ModelState(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public ModelState(Optional<FfaState> ffa, Optional<MediatorState> mediator, Optional<RmmState> rmm) {
        this(ffa, mediator, rmm, Optional.empty());
    }

    public ModelState(Optional<FfaState> ffa) {
        this(ffa, Optional.empty(), Optional.empty());
    }

    /** The state right after the target boots. */
    public static ModelState freshBoot() {
        return FRESH;
    }

    public ModelState withFfa(FfaState state) {
        return new ModelState(Optional.of(state), mediator, rmm, optee);
    }

    public ModelState withMediator(MediatorState state) {
        return new ModelState(ffa, Optional.of(state), rmm, optee);
    }

    public ModelState withRmm(RmmState state) {
        return new ModelState(ffa, mediator, Optional.of(state), optee);
    }

    public ModelState withOptee(OpteeState state) {
        return new ModelState(ffa, mediator, rmm, Optional.of(state));
    }
}
