package org.fwcts.model.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;

/**
 * The predicted result registers of one call, one {@link RegisterPrediction} per register.
 *
 * <p>The summary is written only when someone reads it: most predictions are matched and never
 * reported, so building their text on every call would cost more than the prediction itself.
 */
public final class Prediction {
    private final Supplier<String> describer;
    private String summary;
    private final Rule rule;
    private final RegisterPrediction[] registers;
    private List<RegisterPrediction> registerList;

    /**
     * @param summary one line saying what the model expects, e.g. "PSCI_VERSION returns 1.1"
     * @param rule the rule that decides the outcome (the x0 rule)
     * @param registers predictions for x0–x17
     */
    public Prediction(String summary, Rule rule, List<RegisterPrediction> registers) {
        this(() -> summary, rule, registers);
        this.summary = Objects.requireNonNull(summary);
    }

    /** A prediction whose summary {@code describer} writes on first use. */
    public Prediction(Supplier<String> describer, Rule rule, List<RegisterPrediction> registers) {
        this(describer, rule, List.copyOf(registers).toArray(RegisterPrediction[]::new));
    }

    private Prediction(Supplier<String> describer, Rule rule, RegisterPrediction[] registers) {
        this.describer = Objects.requireNonNull(describer);
        this.rule = Objects.requireNonNull(rule);
        this.registers = registers;
        if (registers.length != Registers.COUNT) {
            throw new IllegalArgumentException("need " + Registers.COUNT + " register predictions, got "
                    + registers.length);
        }
        for (RegisterPrediction register : registers) {
            Objects.requireNonNull(register, "register prediction");
        }
    }

    /**
     * A prediction that takes {@code registers} (x0–x17) as they are, without a copy: the caller
     * hands the array over and never changes it again (a prediction is built on every call).
     */
    public static Prediction ofOwned(Supplier<String> describer, Rule rule, RegisterPrediction[] registers) {
        return new Prediction(describer, rule, registers);
    }

    /** One line saying what the model expects. */
    public String summary() {
        String text = summary;
        if (text == null) {
            text = describer.get();
            summary = text;
        }
        return text;
    }

    public Rule rule() {
        return rule;
    }

    public List<RegisterPrediction> registers() {
        List<RegisterPrediction> list = registerList;
        if (list == null) {
            list = Collections.unmodifiableList(Arrays.asList(registers));
            registerList = list;
        }
        return list;
    }

    public RegisterPrediction register(int index) {
        return registers[index];
    }

    /** Indices of the registers whose observed value this prediction does not admit. */
    public List<Integer> mismatches(Registers observed) {
        if (admits(observed)) {
            return List.of();
        }
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < Registers.COUNT; i++) {
            if (!registers[i].admits(observed.x(i))) {
                wrong.add(i);
            }
        }
        return wrong;
    }

    public boolean admits(Registers observed) {
        for (int i = 0; i < Registers.COUNT; i++) {
            if (!registers[i].admits(observed.x(i))) {
                return false;
            }
        }
        return true;
    }

    /** Every rule this prediction cites, the deciding one first. */
    public Set<Rule> rules() {
        Set<Rule> all = new LinkedHashSet<>();
        all.add(rule);
        for (RegisterPrediction register : registers) {
            all.add(register.rule());
        }
        return all;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction that && rule.equals(that.rule) && Arrays.equals(registers, that.registers)
                && summary().equals(that.summary());
    }

    @Override
    public int hashCode() {
        return Objects.hash(summary(), rule, Arrays.hashCode(registers));
    }

    @Override
    public String toString() {
        return "Prediction[summary=" + summary() + ", rule=" + rule + ", registers=" + registers() + "]";
    }
}
