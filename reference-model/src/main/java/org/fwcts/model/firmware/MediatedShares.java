package org.fwcts.model.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.ffa.memory.RetrieveResponse;
import org.fwcts.model.mediator.MachinePagesResponse;
import org.fwcts.model.mediator.MediatorOutcome;
import org.fwcts.model.mediator.MediatorState;
import org.fwcts.model.mediator.XenFfaMediator;

/** What the mediator adds to the SPMC's answers: the handles it keeps, the machine addresses an SP sees. */
final class MediatedShares {
    private MediatedShares() {
    }

    /** The SPMC's answer to a forwarded call, with the mediator keeping what it learns from it. */
    static Outcome keepingAnswer(Outcome answered, MediatorOutcome.Forward forward,
            Function<ModelState, MediatorState> mediatorState) {
        if (!(answered instanceof Outcome.Predicted predicted)) {
            return answered;
        }
        List<Expected> kept = new ArrayList<>();
        for (Expected expected : predicted.alternatives()) {
            kept.add(new Expected(expected.registers(), expected.rx(), expected.constraints(), expected.effects(),
                    observed -> {
                        ModelState next = expected.next(observed);
                        return next.withMediator(forward.after().given(observed, mediatorState.apply(next)));
                    }));
        }
        return new Outcome.Predicted(kept);
    }

    /** An SP's call: a retrieve response for a VM's share holds machine addresses the model cannot know. */
    static Outcome seenBySp(Outcome answered, XenFfaMediator mediator) {
        if (!(answered instanceof Outcome.Predicted predicted)) {
            return answered;
        }
        boolean any = false;
        List<Expected> seen = new ArrayList<>();
        for (Expected expected : predicted.alternatives()) {
            Optional<RxContents> rx = expected.rx();
            if (rx.isPresent() && rx.get() instanceof RetrieveResponse response
                    && mediator.serves(response.expected().sender())) {
                any = true;
                seen.add(new Expected(expected.registers(), Optional.of(new MachinePagesResponse(response)),
                        expected.constraints(), expected.effects(), expected.after()));
            } else {
                seen.add(expected);
            }
        }
        return any ? new Outcome.Predicted(seen) : answered;
    }
}
