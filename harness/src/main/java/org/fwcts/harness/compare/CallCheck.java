package org.fwcts.harness.compare;

import java.util.List;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.smccc.SmcccRules;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;

/**
 * One call checked against the model: the call, what the model predicted and what the target
 * did, with the verdict and a register table that explains it.
 *
 * <p>A call that also moves memory (FF-A RX buffers, memory transaction descriptors) carries the
 * differences between the memory the model predicted and the memory read back, one line each;
 * any difference fails the check like a wrong register.
 *
 * @param memoryDiff predicted-versus-observed memory or descriptor differences; empty when none
 *     were found or the call moves no memory
 */
public record CallCheck(String conduit, Registers call, List<Prediction> allowed, Observation observation,
        List<String> memoryDiff) {

    public CallCheck {
        allowed = List.copyOf(allowed);
        memoryDiff = List.copyOf(memoryDiff);
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("a call check needs at least one allowed outcome");
        }
    }

    /** A check against the outcomes the model allows, for a call that moves no memory. */
    public CallCheck(String conduit, Registers call, List<Prediction> allowed, Observation observation) {
        this(conduit, call, allowed, observation, List.of());
    }

    /** A check against a single predicted outcome, for a call that moves no memory. */
    public CallCheck(String conduit, Registers call, Prediction prediction, Observation observation) {
        this(conduit, call, List.of(prediction), observation, List.of());
    }

    /** This check with the memory or descriptor differences a caller found after the call. */
    public CallCheck withMemoryDiff(List<String> differences) {
        return new CallCheck(conduit, call, allowed, observation, differences);
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
            return prediction().admits(completed.registers()) && memoryDiff.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        }
        if (observation instanceof Observation.Faulted || observation instanceof Observation.NotReturned) {
            // A check has a prediction of results, so the call was to return.
            return Verdict.FAIL;
        }
        return Verdict.UNKNOWN;
    }

    /** Registers whose observed value the prediction does not admit. */
    public List<Integer> mismatches() {
        return observation instanceof Observation.Completed completed
                ? prediction().mismatches(completed.registers()) : List.of();
    }

    /** The memory differences as a report shows them, one per line; empty when there are none. */
    public String memoryDiffText() {
        return memoryDiff.isEmpty() ? "" : "memory/descriptor differences (predicted vs observed):\n  "
                + String.join("\n  ", memoryDiff) + "\n";
    }

    /** What the target did, in one line: the result registers, the fault, or why it is unknown. */
    public String observed() {
        if (observation instanceof Observation.Completed completed) {
            return completed.registers().toString();
        }
        return describe(observation);
    }

    /** The conduit as the table heads it: the instruction in capitals, the rest ("from 0x0000") as given. */
    private String conduitLabel() {
        int space = conduit.indexOf(' ');
        return space < 0 ? conduit.toUpperCase(java.util.Locale.ROOT)
                : conduit.substring(0, space).toUpperCase(java.util.Locale.ROOT) + conduit.substring(space);
    }

    /** A per-register table of predicted value, observed value and rule, mismatches marked. */
    public String table() {
        // Built for every checked call's report: padded by hand, String.format's parsing cost more than the rest.
        String eol = System.lineSeparator();
        Prediction prediction = prediction();
        StringBuilder text = new StringBuilder(2048);
        text.append(conduitLabel()).append(" 0x").append(hex8(call.x(0))).append(": ").append(prediction.summary())
                .append(eol);
        Rule deciding = observation instanceof Observation.NotReturned ? SmcccRules.CALL_RETURNS : prediction.rule();
        text.append("deciding rule ").append(deciding.id()).append(" — ").append(deciding.citation())
                .append(eol).append("  \"").append(deciding.statement()).append('"').append(eol);
        if (observation instanceof Observation.NotReturned notReturned) {
            row(text, "reg", "predicted", "observed", "input", "rule").append(eol);
            for (int i = 0; i < Registers.COUNT; i++) {
                RegisterPrediction predicted = prediction.register(i);
                row(text, "x" + i, predicted.describe(), i == 0 ? "(no return)" : "", "0x" + Long.toHexString(call.x(i)),
                        predicted.rule().id()).append(eol);
            }
            return text.append("observed: the call ").append(notReturned.describe()).append(eol).toString();
        }
        if (!(observation instanceof Observation.Completed completed)) {
            return text.append("observed: ").append(describe(observation)).append('\n').toString();
        }
        row(text, "reg", "predicted", "observed", "input", "rule").append(eol);
        for (int i = 0; i < Registers.COUNT; i++) {
            RegisterPrediction predicted = prediction.register(i);
            boolean wrong = !predicted.admits(completed.registers().x(i));
            row(text, "x" + i, predicted.describe(), "0x" + Long.toHexString(completed.registers().x(i)),
                    "0x" + Long.toHexString(call.x(i)), predicted.rule().id())
                    .append(wrong ? "   <-- MISMATCH" : "").append(eol);
        }
        return text.toString();
    }

    /** One table row: register, predicted, observed and input padded to 4, 24, 20 and 20 columns, then the rule. */
    private static StringBuilder row(StringBuilder text, String register, String predicted, String observed, String input,
            String rule) {
        padded(text, register, 4).append(' ');
        padded(text, predicted, 24).append(' ');
        padded(text, observed, 20).append(' ');
        padded(text, input, 20).append(' ');
        return text.append(rule);
    }

    private static StringBuilder padded(StringBuilder text, String value, int width) {
        text.append(value);
        for (int i = value.length(); i < width; i++) {
            text.append(' ');
        }
        return text;
    }

    /** At least eight hex digits, as {@code %08x} gives them. */
    private static String hex8(long value) {
        String digits = Long.toHexString(value);
        return digits.length() >= 8 ? digits : "00000000".substring(digits.length()) + digits;
    }

    private static String describe(Observation observation) {
        if (observation instanceof Observation.Faulted faulted) {
            return "the call instruction faulted: " + faulted.exception();
        }
        if (observation instanceof Observation.NotReturned notReturned) {
            return "the call " + notReturned.describe();
        }
        return "indeterminate: " + ((Observation.Indeterminate) observation).reason();
    }
}
