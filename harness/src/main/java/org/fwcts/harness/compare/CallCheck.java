package org.fwcts.harness.compare;

import java.util.List;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.Registers;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;

/**
 * One call checked against the model: the call, what the model predicted and what the target
 * did, with the verdict and a register table that explains it.
 */
public record CallCheck(String conduit, Registers call, List<Prediction> allowed, Observation observation) {

    public CallCheck {
        allowed = List.copyOf(allowed);
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("a call check needs at least one allowed outcome");
        }
    }

    /** A check against a single predicted outcome. */
    public CallCheck(String conduit, Registers call, Prediction prediction, Observation observation) {
        this(conduit, call, List.of(prediction), observation);
    }

    /**
     * The prediction the observation is judged against: the allowed outcome it matches, or the
     * first (most likely) one when it matches none.
     */
    public Prediction prediction() {
        if (observation instanceof Observation.Completed completed) {
            for (Prediction candidate : allowed) {
                if (candidate.admits(completed.registers())) {
                    return candidate;
                }
            }
        }
        return allowed.get(0);
    }

    public Verdict verdict() {
        if (observation instanceof Observation.Completed completed) {
            return prediction().admits(completed.registers()) ? Verdict.PASS : Verdict.FAIL;
        }
        if (observation instanceof Observation.Faulted) {
            return Verdict.FAIL;
        }
        return Verdict.UNKNOWN;
    }

    /** Registers whose observed value the prediction does not admit. */
    public List<Integer> mismatches() {
        return observation instanceof Observation.Completed completed
                ? prediction().mismatches(completed.registers()) : List.of();
    }

    /** A per-register table of predicted value, observed value and rule, mismatches marked. */
    public String table() {
        Prediction prediction = prediction();
        StringBuilder text = new StringBuilder();
        text.append(String.format("%s %s: %s%n", conduit.toUpperCase(java.util.Locale.ROOT),
                String.format("0x%08x", call.x(0)), prediction.summary()));
        text.append(String.format("deciding rule %s — %s%n  \"%s\"%n", prediction.rule().id(), prediction.rule().citation(),
                prediction.rule().statement()));
        if (!(observation instanceof Observation.Completed completed)) {
            return text.append("observed: ").append(describe(observation)).append('\n').toString();
        }
        text.append(String.format("%-4s %-24s %-20s %-20s %s%n", "reg", "predicted", "observed", "input", "rule"));
        for (int i = 0; i < Registers.COUNT; i++) {
            RegisterPrediction predicted = prediction.register(i);
            boolean wrong = !predicted.admits(completed.registers().x(i));
            text.append(String.format("%-4s %-24s %-20s %-20s %s%s%n", "x" + i, predicted.describe(),
                    "0x" + Long.toHexString(completed.registers().x(i)), "0x" + Long.toHexString(call.x(i)),
                    predicted.rule().id(), wrong ? "   <-- MISMATCH" : ""));
        }
        return text.toString();
    }

    private static String describe(Observation observation) {
        if (observation instanceof Observation.Faulted faulted) {
            return "the call instruction faulted: " + faulted.exception();
        }
        return "indeterminate: " + ((Observation.Indeterminate) observation).reason();
    }
}
