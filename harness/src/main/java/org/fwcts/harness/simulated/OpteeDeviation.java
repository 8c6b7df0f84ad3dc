package org.fwcts.harness.simulated;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.mediator.optee.OpteeDepartures;

/**
 * A way the simulated Xen OP-TEE mediator departs from Xen's: one check it drops. It leaves FF-A
 * alone.
 */
record OpteeDeviation(String name, String description, UnaryOperator<OpteeDepartures> departs) implements Deviation {
    static final List<OpteeDeviation> ALL = List.of(
            new OpteeDeviation("optee-unshadowed", "OP-TEE works on the guest's command buffer itself: a rewrite after"
                    + " CALL_WITH_ARG reaches it", d -> d.unshadowed(true)),
            new OpteeDeviation("optee-double-resume", "a RETURN_FROM_RPC with no call waiting is answered again instead"
                    + " of ERESUME", d -> d.doubleResume(true)),
            new OpteeDeviation("optee-no-thread-limit", "a standard call beyond OP-TEE's thread count is started anyway",
                    d -> d.noThreadLimit(true)),
            new OpteeDeviation("optee-wrong-client-id", "every guest reaches OP-TEE with the first guest's client ID",
                    d -> d.sharedClientId(true)),
            new OpteeDeviation("optee-unaligned-accepted", "a command buffer not 4K-aligned is read where it starts",
                    d -> d.unalignedAccepted(true)));

    static final String KNOWN = String.join(", ", ALL.stream().map(OpteeDeviation::name).toList());

    static Optional<Deviation> named(String name) {
        return ALL.stream().filter(deviation -> deviation.name().equals(name)).map(Deviation.class::cast).findFirst();
    }

    @Override
    public Answer apply(FfaCall call, FfaState before, Answer conforming) {
        return conforming;
    }
}
