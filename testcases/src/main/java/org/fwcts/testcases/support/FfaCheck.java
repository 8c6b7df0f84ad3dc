package org.fwcts.testcases.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.prediction.Prediction;

/**
 * One FF-A call checked against the model: result registers, and the RX buffer and multi-register
 * constraints the registers alone do not show.
 *
 * @param call the call as the model saw it (caller, registers, TX bytes)
 * @param predicted the outcomes the model allowed
 * @param observation what the agent saw
 * @param observedRx the caller's RX buffer after the call, when the prediction said it is written
 * @param match how the observation relates to the prediction; empty without a completed call
 */
public record FfaCheck(FfaCall call, FfaOutcome.Predicted predicted, Observation observation,
        Optional<byte[]> observedRx, Optional<FfaOutcome.Match> match) {

    /** The result registers the target returned. */
    public org.fwcts.model.Registers observed() {
        if (observation instanceof Observation.Completed completed) {
            return completed.registers();
        }
        throw new TargetUnresponsiveException("the call has no results: " + observation);
    }

    public Verdict verdict() {
        if (observation instanceof Observation.Indeterminate) {
            return Verdict.UNKNOWN;
        }
        return match.isPresent() && match.get() instanceof FfaOutcome.Match.Consistent ? Verdict.PASS : Verdict.FAIL;
    }

    /** The outcome the observation is judged against: the one it matched, or the most likely. */
    public FfaPrediction judgedAgainst() {
        if (match.isPresent() && match.get() instanceof FfaOutcome.Match.Consistent consistent) {
            return consistent.matched();
        }
        return predicted.primary();
    }

    /** The register part, as the register table shows it, with the RX and constraint differences. */
    public CallCheck registers() {
        List<Prediction> allowed = new ArrayList<>();
        allowed.add(judgedAgainst().registers());
        return new CallCheck("smc from " + call.caller(), call.registers(), allowed, observation)
                .withMemoryDiff(otherDifferences());
    }

    /** Differences beyond single registers: RX contents and constraints on several registers. */
    public List<String> otherDifferences() {
        if (match.isPresent() && match.get() instanceof FfaOutcome.Match.Contradicted contradicted) {
            List<String> others = new ArrayList<>();
            for (String difference : contradicted.differences()) {
                if (!difference.startsWith("x")) {
                    others.add(difference);
                }
            }
            return others;
        }
        return List.of();
    }

    /** The register table, followed by RX and constraint differences and the RX buffer summary. */
    public String report() {
        StringBuilder text = new StringBuilder(registers().table());
        judgedAgainst().rx().ifPresent(rx -> text.append("RX predicted: ").append(rx.describe()).append('\n'));
        for (String difference : otherDifferences()) {
            text.append("  <-- ").append(difference).append('\n');
        }
        if (call.txLength() > 0) {
            text.append("TX held ").append(call.txLength()).append(" bytes\n");
        }
        return text.toString();
    }
}
