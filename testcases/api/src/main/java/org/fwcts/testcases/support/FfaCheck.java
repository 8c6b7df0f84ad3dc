package org.fwcts.testcases.support;

import java.util.List;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.model.firmware.Expected;
import org.fwcts.model.ffa.FfaCall;

/**
 * One FF-A call as a test sees its judgement: result registers, and the RX buffer and
 * multi-register constraints the registers alone do not show.
 *
 * @param judgement the pipeline's judgement of the call
 */
public record FfaCheck(Judgement judgement) {

    /** The call as the model saw it (caller, registers, TX bytes). */
    public FfaCall call() {
        return judgement.entry().call();
    }

    /** The result registers the target returned. */
    public org.fwcts.model.Registers observed() {
        if (judgement.entry().observation() instanceof Observation.Completed completed) {
            return completed.registers();
        }
        throw new TargetUnresponsiveException("the call has no results: " + judgement.entry().observation());
    }

    /** The RX buffer as the target left it, when the call was to fill it. */
    public java.util.Optional<byte[]> observedRx() {
        return judgement.entry().observed().rx().map(byte[]::clone);
    }

    public Verdict verdict() {
        return judgement.verdict();
    }

    /** The outcome the observation is judged against: the one it matched, or the most likely. */
    public Expected judgedAgainst() {
        return judgement.judgedAgainst().orElseThrow();
    }

    /** The register part, as the register table shows it, with the RX and constraint differences. */
    public CallCheck registers() {
        return judgement.check().orElseThrow();
    }

    /** Differences beyond single registers: RX contents, constraints on several registers, forwarding. */
    public List<String> otherDifferences() {
        return judgement.differences();
    }

    /** The register table, followed by RX and constraint differences and the RX buffer summary. */
    public String report() {
        StringBuilder text = new StringBuilder(registers().table());
        judgedAgainst().rx().ifPresent(rx -> text.append("RX predicted: ").append(rx.describe()).append('\n'));
        for (String difference : otherDifferences()) {
            text.append("  <-- ").append(difference).append('\n');
        }
        if (call().txLength() > 0) {
            text.append("TX held ").append(call().txLength()).append(" bytes\n");
        }
        return text.toString();
    }
}
