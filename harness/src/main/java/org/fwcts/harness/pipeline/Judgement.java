package org.fwcts.harness.pipeline;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.firmware.Expected;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.Rule;
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
 * @param forwardingRule the rule the target broke beyond the prediction's registers: that of the
 *     forwarding it contradicted, when a partition's call failed in the direct requests carrying
 *     it before the call itself was judged, or {@code SMCCC.CALL_RETURNS} for a call that did not return
 */
public record Judgement(CallEntry entry, Verdict verdict, String reason, Optional<Outcome.Predicted> predicted,
        Optional<Expected> judgedAgainst, List<String> differences, ModelState after, Optional<String> lostTrack,
        Optional<Rule> forwardingRule) {

    public Judgement {
        differences = List.copyOf(differences);
    }

    public Judgement(CallEntry entry, Verdict verdict, String reason, Optional<Outcome.Predicted> predicted,
            Optional<Expected> judgedAgainst, List<String> differences, ModelState after, Optional<String> lostTrack) {
        this(entry, verdict, reason, predicted, judgedAgainst, differences, after, lostTrack, Optional.empty());
    }

    /** The rule behind the prediction judged against, else the forwarding contradicted, or "none". */
    public String rule() {
        if (entry.observation() instanceof Observation.NotReturned && forwardingRule.isPresent()) {
            return forwardingRule.get().id();
        }
        return judgedAgainst.map(e -> e.registers().rule().id())
                .or(() -> forwardingRule.map(Rule::id)).orElse("none");
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
