package org.fwcts.model.mediator.optee;

import java.util.Arrays;
import java.util.List;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;

/**
 * A guest's result registers as Xen leaves them: it writes x0 and the registers it names, and
 * returns x1..x7 as the guest passed them; x8..x17 are not judged.
 */
final class Answer {
    private static final long ALL = RegisterPrediction.Exact.ALL_BITS;
    static final long LOW32 = RegisterPrediction.Exact.LOW_32_BITS;

    private final RegisterPrediction[] registers = new RegisterPrediction[Registers.COUNT];

    private Answer(Registers call, Rule rule) {
        registers[0] = new RegisterPrediction.Preserved(call.x(0), rule);
        for (int i = 1; i < Registers.COUNT; i++) {
            registers[i] = i <= 7 ? new RegisterPrediction.Preserved(call.x(i), rule)
                    : new RegisterPrediction.DontCare(rule);
        }
    }

    static Answer to(Registers call, Rule rule) {
        return new Answer(call, rule);
    }

    /** Xen's own return code in x0 (set_user_reg: all 64 bits). */
    static Prediction code(Registers call, long code, Rule rule, String summary) {
        return to(call, rule).x(0, code, ALL, rule).build(summary, rule);
    }

    Answer x(int index, long value, long mask, Rule rule) {
        registers[index] = new RegisterPrediction.Exact(value, mask, rule);
        return this;
    }

    /** OP-TEE's 32-bit result passed on in {@code index}. */
    Answer w(int index, long value, Rule rule) {
        return x(index, value, LOW32, rule);
    }

    Answer chosen(int index, long suggestion, String what, Rule rule) {
        registers[index] = new RegisterPrediction.Chosen(suggestion, what, rule);
        return this;
    }

    Answer unjudged(int index, Rule rule) {
        registers[index] = new RegisterPrediction.DontCare(rule);
        return this;
    }

    Prediction build(String summary, Rule rule) {
        return new Prediction(summary, rule, List.copyOf(Arrays.asList(registers)));
    }
}
