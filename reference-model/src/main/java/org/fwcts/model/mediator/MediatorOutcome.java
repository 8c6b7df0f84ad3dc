package org.fwcts.model.mediator;

import org.fwcts.model.ffa.FfaCall;

/** What the mediator does with one VM's call: answers it, passes it to the SPMC, or is not modelled for it. */
public sealed interface MediatorOutcome {

    /** The mediator answers without the SPMC. */
    record Answered(MediatorAnswer answer) implements MediatorOutcome {
    }

    /**
     * The mediator passes {@code toSpmc} on, as the normal world's SMC, after updating its own state
     * to {@code next}; the SPMC's answer is the VM's.
     */
    record Forward(FfaCall toSpmc, MediatorState next) implements MediatorOutcome {
    }

    /** The model does not cover this call through the mediator. */
    record Unmodelled(String reason) implements MediatorOutcome {
    }
}
