package org.fwcts.testcases.support;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.model.Registers;

/**
 * The model's trace of one test as its report shows it: every call the test made, in order, with
 * the model's prediction and what the target did. Calls made outside a test (the FF-A presence
 * probe, clean-up) belong to no test.
 */
public final class CallTrace {

    private CallTrace() {
    }

    /** Whether {@link #describe} has anything to show: a checked call that is not an agent command. */
    static boolean hasChecks(List<Judgement> judgements) {
        for (Judgement judgement : judgements) {
            if (!judgement.entry().isCommand() && judgement.judgedAgainst().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The calls as the report shows them: one numbered block per call the model predicted; empty when none. */
    static String describe(List<Judgement> judgements) {
        List<CallCheck> calls = new ArrayList<>();
        for (Judgement judgement : judgements) {
            if (!judgement.entry().isCommand()) {
                judgement.check().ifPresent(calls::add);
            }
        }
        return describeChecks(calls);
    }

    /** The calls as the report shows them: one numbered block per call. */
    private static String describeChecks(List<CallCheck> calls) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            CallCheck check = calls.get(i);
            text.append(String.format("#%d %s 0x%08x  %s%n", i + 1, check.conduit().toUpperCase(java.util.Locale.ROOT),
                    check.call().x(0), nonZero(check.call(), 1, "arguments")));
            text.append("   predicted: ").append(check.prediction().summary()).append("   [")
                    .append(check.prediction().rule()).append("]\n");
            text.append("   observed:  ").append(observed(check)).append('\n');
            text.append("   verdict:   ").append(check.verdict());
            if (!check.mismatches().isEmpty()) {
                text.append(" (mismatch in ").append(String.join(", ", check.mismatches().stream().map(r -> "x" + r).toList()))
                        .append(')');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String observed(CallCheck check) {
        if (check.observation() instanceof org.fwcts.harness.agent.Observation.Completed completed) {
            return nonZero(completed.registers(), 0, "results");
        }
        return check.observed();
    }

    /** The registers from {@code first} on that are not zero, e.g. {@code x0=0x10001 (x1–x17 zero)}. */
    private static String nonZero(Registers registers, int first, String what) {
        StringJoiner set = new StringJoiner(" ");
        for (int i = first; i < Registers.COUNT; i++) {
            if (registers.x(i) != 0) {
                set.add("x" + i + "=0x" + Long.toHexString(registers.x(i)));
            }
        }
        return set.length() == 0 ? "(" + what + " x" + first + "–x17 all zero)" : set + "   (other " + what + " zero)";
    }
}
