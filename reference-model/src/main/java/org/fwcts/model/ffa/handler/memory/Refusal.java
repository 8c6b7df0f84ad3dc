package org.fwcts.model.ffa.handler.memory;

import java.util.Optional;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.memory.Decoded.Malformed;

/**
 * Why a memory call fails: the error, the rule and what was wrong. Checks return one of these
 * rather than an outcome so they can be chained cheaply; the handler turns the first into FFA_ERROR.
 *
 * @param error the status the SPMC returns
 * @param rule the rule broken
 * @param why what was wrong, with the values seen
 */
record Refusal(FfaError error, Rule rule, String why) {

    static Optional<Refusal> of(FfaError error, Rule rule, String why) {
        return Optional.of(new Refusal(error, rule, why));
    }

    static Refusal from(Malformed<?> malformed) {
        return new Refusal(malformed.error(), malformed.rule(), malformed.describe());
    }

    /** FFA_ERROR, state unchanged. */
    FfaOutcome outcome(FfaContext context) {
        return context.error(error, rule, why);
    }

    /** FFA_ERROR leaving {@code next}, e.g. a send the SPMC abandoned. */
    FfaOutcome outcome(FfaContext context, FfaState next) {
        return context.outcome(context.results().error(error, rule), why, next);
    }
}
