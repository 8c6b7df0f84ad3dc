package org.fwcts.model.ffa;

import java.util.function.Predicate;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;

/**
 * A condition on several result registers together that per-register predictions cannot state,
 * e.g. "the handle in w2/w3 is not one already in use".
 *
 * @param description what must hold, for reports
 * @param holds the check on the observed registers
 * @param rule the rule it comes from
 */
public record ResultConstraint(String description, Predicate<Registers> holds, Rule rule) {
}
