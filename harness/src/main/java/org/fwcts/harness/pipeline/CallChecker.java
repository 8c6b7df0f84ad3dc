package org.fwcts.harness.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.model.firmware.Expected;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.messaging.DirectMessagingRules;
import org.fwcts.model.smccc.SmcccRules;

/**
 * Judges one history entry against the model, from the state before it: a pure function of
 * (model, state, entry), so a finished run can be judged again offline with another model.
 *
 * <p>A partition's call is judged as the SPMC saw it: each direct request carrying it is
 * forwarded to the partition, the partition's own call happens between the request and the
 * response of the exchange that carried it, and each response is forwarded back.
 */
public final class CallChecker {
    private final FirmwareModel model;

    public CallChecker(FirmwareModel model) {
        this.model = model;
    }

    public FirmwareModel model() {
        return model;
    }

    public Judgement judge(ModelState before, CallEntry entry) {
        // A call that was not made is judged as the model sees it alone, whichever conduit would have carried it.
        return entry.conduit() == Conduit.DIRECT_REQUEST && entry.observed().issued() ? judgeCarried(before, entry)
                : judgeOwn(before, entry);
    }

    /** A call made with the caller's own SMC or HVC. */
    private Judgement judgeOwn(ModelState before, CallEntry entry) {
        Outcome outcome = model.predict(before, entry.call(), entry.hostMemory());
        if (!(outcome instanceof Outcome.Predicted predicted)) {
            return unmodelled(entry, before, outcome);
        }
        return match(entry, before, predicted, entry.observation(), List.of());
    }

    private Judgement match(CallEntry entry, ModelState before, Outcome.Predicted predicted, Observation observation,
            List<String> earlier) {
        if (observation instanceof Observation.Indeterminate indeterminate) {
            return new Judgement(entry, Verdict.UNKNOWN, indeterminate.reason(), Optional.of(predicted),
                    Optional.of(predicted.primary()), earlier, before, Optional.of("call " + entry.call()
                            + " gave no result: " + indeterminate.reason()));
        }
        if (observation instanceof Observation.NotReturned notReturned) {
            // Results predicted are a return predicted: the model gives none for a call that may not return.
            String problem = "the call " + notReturned.describe() + "; the model predicts it returns: "
                    + predicted.primary().summary();
            return new Judgement(entry, Verdict.FAIL, problem, Optional.of(predicted), Optional.of(predicted.primary()),
                    earlier, before, Optional.of("the call " + entry.call() + " did not return"),
                    Optional.of(SmcccRules.CALL_RETURNS));
        }
        if (observation instanceof Observation.Faulted faulted) {
            return new Judgement(entry, Verdict.FAIL, "the call instruction faulted: " + faulted.exception(),
                    Optional.of(predicted), Optional.of(predicted.primary()), earlier, before,
                    Optional.of("the call " + entry.call() + " faulted"));
        }
        Registers observed = ((Observation.Completed) observation).registers();
        Outcome.Match match = predicted.match(observed, entry.observed().rx(),
                CallMemory.known(entry.observed().memoryOut()));
        if (match instanceof Outcome.Match.Consistent consistent) {
            Verdict verdict = earlier.isEmpty() ? Verdict.PASS : Verdict.FAIL;
            return new Judgement(entry, verdict, earlier.isEmpty() ? "" : earlier.get(0), Optional.of(predicted),
                    Optional.of(consistent.matched()), earlier, consistent.next(),
                    earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(0)));
        }
        Outcome.Match.Contradicted contradicted = (Outcome.Match.Contradicted) match;
        List<String> others = new ArrayList<>(earlier);
        for (String difference : contradicted.differences()) {
            if (!difference.startsWith("x")) {
                others.add(difference);
            }
        }
        return new Judgement(entry, Verdict.FAIL, "the target contradicts the model", Optional.of(predicted),
                Optional.of(contradicted.expected()), others, before,
                Optional.of("the target contradicted the model at " + entry.call()));
    }

    private Judgement unmodelled(CallEntry entry, ModelState before, Outcome outcome) {
        String reason = outcome instanceof Outcome.Unmodelled unmodelled ? unmodelled.reason()
                : "the call passes control to " + ((Outcome.Forwarded) outcome).receiver()
                        + "; a partition's agent makes calls that reach a partition";
        return new Judgement(entry, Verdict.UNMODELLED, "no prediction under profile " + model.profile().name()
                + ": " + reason, Optional.empty(), Optional.empty(), List.of(), before, Optional.empty());
    }

    /** A partition's call or command, carried by direct requests from the normal world. */
    private Judgement judgeCarried(ModelState before, CallEntry entry) {
        EndpointId partition = entry.caller();
        ModelState state = before;
        Judgement call = null;
        List<Exchange> exchanges = entry.observed().exchanges();
        for (int i = 0; i < exchanges.size(); i++) {
            Exchange exchange = exchanges.get(i);
            int index = i;
            DirectMessageKind kind = DirectMessageKind.ofRequest(exchange.request().x(0)).orElseThrow(() ->
                    new IllegalArgumentException("call " + entry.sequence() + ": exchange " + index + " is not a direct request"));
            // The requester is the sender its request names: the normal-world agent, or a VM's.
            EndpointId requester = EndpointId.high16(exchange.request().x(1));
            FfaCall request = FfaCall.of(requester, exchange.request());
            Forwarding there = forward(model.predict(state, request), partition);
            if (there.problem != null) {
                return broken(entry, before, there.problem, there.rule, call);
            }
            state = there.next;
            if (i == entry.observed().carrier()) {
                if (entry.observation() instanceof Observation.NotReturned) {
                    // A later request never came back: the partition's results never reached the caller.
                    break;
                }
                Outcome outcome = model.predict(state, entry.call());
                if (!(outcome instanceof Outcome.Predicted predicted)) {
                    return unmodelled(entry, before, outcome);
                }
                call = match(entry, state, predicted, entry.observation(), List.of());
                state = call.after();
            }
            Registers response = kind.message(kind.responseFunction(), partition.value(), requester.value(),
                    kind.payload(exchange.response()));
            Forwarding back = forward(model.predict(state, new FfaCall(partition, response, new byte[0])), requester);
            if (back.problem != null) {
                return broken(entry, before, back.problem, back.rule, call);
            }
            if (!back.receiverSees.admits(exchange.response())) {
                String table = new CallCheck("forwarded to " + requester, response, back.receiverSees,
                        new Observation.Completed(exchange.response())).table();
                return broken(entry, before, "the SPMC's forwarding contradicts the model\n" + table,
                        back.receiverSees.rule(), call);
            }
            state = back.next;
        }
        if (entry.observation() instanceof Observation.NotReturned notReturned) {
            // A request that carried the partition's call or commands never came back.
            String problem = "a direct request to " + partition + " " + notReturned.describe();
            return broken(entry, before, problem, DirectMessagingRules.REQ_COMPLETES, null);
        }
        if (call == null && entry.observation() instanceof Observation.Indeterminate indeterminate) {
            return new Judgement(entry, Verdict.UNKNOWN, indeterminate.reason(), Optional.empty(), Optional.empty(),
                    List.of(), before, Optional.of(indeterminate.reason()));
        }
        if (call == null) {
            return new Judgement(entry, Verdict.PASS, "", Optional.empty(), Optional.empty(), List.of(), state,
                    Optional.empty());
        }
        return new Judgement(entry, call.verdict(), call.reason(), call.predicted(), call.judgedAgainst(),
                call.differences(), call.lostTrack().isPresent() ? before : state, call.lostTrack());
    }

    /**
     * A forwarding the model does not allow fails the entry: the SPMC passed control where it should
     * not. {@code rule} (null when the model gave none) decides it when the call itself was not judged.
     */
    private static Judgement broken(CallEntry entry, ModelState before, String problem, Rule rule, Judgement call) {
        List<String> differences = new ArrayList<>(call == null ? List.of() : call.differences());
        differences.add(problem);
        return new Judgement(entry, Verdict.FAIL, problem, call == null ? Optional.empty() : call.predicted(),
                call == null ? Optional.empty() : call.judgedAgainst(), differences, before, Optional.of(problem),
                Optional.ofNullable(rule));
    }

    private record Forwarding(ModelState next, org.fwcts.model.prediction.Prediction receiverSees, String problem,
            Rule rule) {
    }

    private static Forwarding forward(Outcome outcome, EndpointId receiver) {
        if (outcome instanceof Outcome.Forwarded forwarded && forwarded.receiver().equals(receiver)) {
            return new Forwarding(forwarded.next(), forwarded.receiverSees(), null, forwarded.receiverSees().rule());
        }
        if (outcome instanceof Outcome.Predicted predicted) {
            return new Forwarding(null, null, "the SPMC model does not forward the message to " + receiver + ": "
                    + predicted.primary().summary(), predicted.primary().registers().rule());
        }
        return new Forwarding(null, null, "the SPMC model does not forward the message to " + receiver + ": " + outcome,
                null);
    }
}
