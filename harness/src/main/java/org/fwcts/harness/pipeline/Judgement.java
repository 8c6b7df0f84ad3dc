package org.fwcts.harness.pipeline;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.firmware.Expected;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.ffa.EndpointId;

/**
 * The checker's answer for one history entry.
 *
 * @param entry the call judged
 * @param verdict the verdict on it
 * @param reason one line saying why, for verdicts other than PASS
 * @param predicted what the model allowed, when it predicted the call
 * @param judgedAgainst the allowed outcome the observation matched, or the most likely one
 * @param differences what the observation contradicts beyond single registers (RX fields, constraints, forwarding)
 * @param after the model's state after the call (unchanged when the model cannot follow it)
 * @param lostTrack why the model no longer follows the target, when it does not
 */
public record Judgement(CallEntry entry, Verdict verdict, String reason, Optional<Outcome.Predicted> predicted,
        Optional<Expected> judgedAgainst, List<String> differences, ModelState after, Optional<String> lostTrack) {

    public Judgement {
        differences = List.copyOf(differences);
    }

    /** The rule behind the prediction judged against, or "none". */
    public String rule() {
        return judgedAgainst.map(e -> e.registers().rule().id()).orElse("none");
    }

    /** The prediction judged against in one line, or the reason there is none. */
    public String prediction() {
        return judgedAgainst.map(Expected::summary).orElse(reason);
    }

    /** The register table and differences, as reports show the call; empty when the model predicted nothing. */
    public Optional<CallCheck> check() {
        String conduit = entry.conduit() == Conduit.HVC ? "hvc" : "smc";
        boolean ownAgent = entry.caller().equals(EndpointId.HYPERVISOR) && entry.conduit() != Conduit.DIRECT_REQUEST;
        String label = ownAgent ? conduit : conduit + " from " + entry.caller();
        return judgedAgainst.map(expected -> new CallCheck(label, entry.registers(), List.of(expected.registers()),
                entry.observation(), differences));
    }
}
