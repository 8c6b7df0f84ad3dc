package org.fwcts.model.ffa.spmc;

import org.fwcts.model.Registers;

/**
 * The state after a call, as a function of what the target returned: most calls lead to one
 * state, but where the SPMC chooses a value (a handle) the model binds what it saw.
 */
@FunctionalInterface
public interface StateAfter {

    /** The next state, given result registers that the prediction admits. */
    FfaState given(Registers observed);

    /** A call whose next state does not depend on the results. */
    static StateAfter fixed(FfaState next) {
        return observed -> next;
    }
}
