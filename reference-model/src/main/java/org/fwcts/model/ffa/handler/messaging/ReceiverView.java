package org.fwcts.model.ffa.handler.messaging;

import java.util.Arrays;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;

/**
 * Builds what an endpoint finds in x0–x17 when the SPMC passes control to it: the other side of a
 * direct message, or the scheduler getting its cycles back. Registers not set are not defined.
 */
final class ReceiverView {
    private final RegisterPrediction[] registers = new RegisterPrediction[Registers.COUNT];

    private ReceiverView(Rule undefined) {
        Arrays.fill(registers, new RegisterPrediction.DontCare(undefined));
    }

    /** A view whose w0 is {@code function}'s SMC32 identifier and whose other registers are not defined. */
    static ReceiverView of(FfaFunction function, Rule rule) {
        return new ReceiverView(rule).word(0, function.id().value(), rule);
    }

    /** A view whose w0 is the identifier the caller used (SMC32 or SMC64). */
    static ReceiverView sameFunction(FfaCall call, Rule rule, Rule undefined) {
        return new ReceiverView(undefined).word(0, call.x(0), rule);
    }

    /**
     * Registers {@code from}..{@code to} hold what the caller passed: all 64 bits for an SMC64 call,
     * the low 32 for an SMC32 one.
     */
    ReceiverView passed(FfaCall call, int from, int to, Rule rule) {
        boolean smc64 = call.functionId().isSmc64();
        for (int i = from; i <= to; i++) {
            registers[i] = smc64 ? exact(call.x(i), RegisterPrediction.Exact.ALL_BITS, rule)
                    : exact(call.x(i), RegisterPrediction.Exact.LOW_32_BITS, rule);
        }
        return this;
    }

    /** Register {@code index} holds the 32-bit {@code value}. */
    ReceiverView word(int index, long value, Rule rule) {
        registers[index] = exact(value, RegisterPrediction.Exact.LOW_32_BITS, rule);
        return this;
    }

    /** Register {@code index} holds the 64-bit {@code value}. */
    ReceiverView value(int index, long value, Rule rule) {
        registers[index] = exact(value, RegisterPrediction.Exact.ALL_BITS, rule);
        return this;
    }

    Prediction build(String summary) {
        return new Prediction(summary, registers[0].rule(), Arrays.asList(registers));
    }

    private static RegisterPrediction exact(long value, long mask, Rule rule) {
        return new RegisterPrediction.Exact(value & mask, mask, rule);
    }
}
