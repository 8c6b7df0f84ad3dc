package org.fwcts.model.firmware;

import java.util.Optional;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.rmm.RmmState;

/**
 * The firmware state the model carries from one call to the next within a boot.
 *
 * @param ffa the FF-A state, once an FF-A call has been made; before that the FF-A model
 *     starts from its fresh-boot state
 * @param rmm the RMM state, once an RMI call has been made; before that the RMM model starts from
 *     its fresh-boot state
 */
public record ModelState(Optional<FfaState> ffa, Optional<RmmState> rmm) {
    private static final ModelState FRESH = new ModelState(Optional.empty(), Optional.empty());

    public ModelState(Optional<FfaState> ffa) {
        this(ffa, Optional.empty());
    }

    /** The state right after the target boots. */
    public static ModelState freshBoot() {
        return FRESH;
    }

    public ModelState withFfa(FfaState state) {
        return new ModelState(Optional.of(state), rmm);
    }

    public ModelState withRmm(RmmState state) {
        return new ModelState(ffa, Optional.of(state));
    }
}
