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
    record Forward(FfaCall toSpmc, MediatorState next, AfterAnswer after) implements MediatorOutcome {
        public Forward(FfaCall toSpmc, MediatorState next) {
            this(toSpmc, next, (answer, state) -> state);
        }
    }

    /** What the mediator keeps of the SPMC's answer: the handle of a share, say. */
    @FunctionalInterface
    interface AfterAnswer {
        MediatorState given(org.fwcts.model.Registers answer, MediatorState next);
    }

    /** The model does not cover this call through the mediator. */
    record Unmodelled(String reason) implements MediatorOutcome {
    }
}
