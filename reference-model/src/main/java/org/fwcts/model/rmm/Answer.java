package org.fwcts.model.rmm;

import java.util.Arrays;
import java.util.function.Supplier;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;

/**
 * Builds the predicted result registers of one RMM command: the values a command defines, every
 * other register unspecified (DEN0137 1.0 defines only the outputs each command lists).
 */
final class Answer {
    private final Rule rule;
    private final RegisterPrediction[] registers = new RegisterPrediction[Registers.COUNT];

    private Answer(Rule rule) {
        this.rule = rule;
        Arrays.fill(registers, new RegisterPrediction.DontCare(rule));
    }

    static Answer of(Rule rule) {
        return new Answer(rule);
    }

    Answer x(int index, long value) {
        registers[index] = new RegisterPrediction.Exact(value, RegisterPrediction.Exact.ALL_BITS, rule);
        return this;
    }

    Answer x(int index, long value, long mask, Rule why) {
        registers[index] = new RegisterPrediction.Exact(value, mask, why);
        return this;
    }

    Answer status(RmiStatus status) {
        return x(0, status.packed());
    }

    Answer status(RmiStatus status, int index) {
        return x(0, status.with(index));
    }

    Prediction build(String summary) {
        return new Prediction(summary, rule, Arrays.asList(registers));
    }

    /** With the summary written only when a report asks for it (predictions are made far more often than read). */
    Prediction build(Supplier<String> summary) {
        return new Prediction(summary, rule, Arrays.asList(registers));
    }

    /** A failed command: the status alone, the state unchanged. */
    static RmmOutcome fail(RmmState state, Rule rule, RmiStatus status, int index, String why) {
        String code = index == 0 ? status.name() : "(" + status.name() + ", " + index + ")";
        return new RmmOutcome.Answered(of(rule).status(status, index).build(why + ": " + code), state);
    }

    static RmmOutcome fail(RmmState state, Rule rule, RmiStatus status, String why) {
        return fail(state, rule, status, 0, why);
    }

    static RmmOutcome fail(RmmState state, Rule rule, RmiStatus status, Supplier<String> why) {
        return new RmmOutcome.Answered(of(rule).status(status, 0).build(() -> why.get() + ": " + status.name()), state);
    }

    static RmmOutcome succeed(RmmState next, Rule rule, String summary) {
        return new RmmOutcome.Answered(of(rule).status(RmiStatus.SUCCESS).build(summary), next);
    }

    static RmmOutcome succeed(RmmState next, Rule rule, Supplier<String> summary) {
        return new RmmOutcome.Answered(of(rule).status(RmiStatus.SUCCESS).build(summary), next);
    }
}
