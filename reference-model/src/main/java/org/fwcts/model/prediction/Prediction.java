package org.fwcts.model.prediction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;

/**
 * The predicted result registers of one call, one {@link RegisterPrediction} per register.
 *
 * @param summary one line saying what the model expects, e.g. "PSCI_VERSION returns 1.1"
 * @param rule the rule that decides the outcome (the x0 rule)
 * @param registers predictions for x0–x17
 */
public record Prediction(String summary, Rule rule, List<RegisterPrediction> registers) {
    public Prediction {
        registers = List.copyOf(registers);
        if (registers.size() != Registers.COUNT) {
            throw new IllegalArgumentException("need " + Registers.COUNT + " register predictions, got " + registers.size());
        }
    }

    public RegisterPrediction register(int index) {
        return registers.get(index);
    }

    /** Indices of the registers whose observed value this prediction does not admit. */
    public List<Integer> mismatches(Registers observed) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < Registers.COUNT; i++) {
            if (!registers.get(i).admits(observed.x(i))) {
                wrong.add(i);
            }
        }
        return wrong;
    }

    public boolean admits(Registers observed) {
        return mismatches(observed).isEmpty();
    }

    /** Every rule this prediction cites, the deciding one first. */
    public Set<Rule> rules() {
        Set<Rule> all = new LinkedHashSet<>();
        all.add(rule);
        registers.forEach(r -> all.add(r.rule()));
        return all;
    }
}
