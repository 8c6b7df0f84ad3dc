package org.fwcts.model.ffa.spmc;

import java.util.Optional;
import java.util.function.Supplier;
import org.fwcts.model.Rule;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.EndpointState;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.smccc.FunctionId;

/**
 * Everything a handler needs to predict one call: the state before it, the call, and the
 * system's profile and topology.
 */
public record FfaContext(FfaState state, FfaCall call, SpmcProfile profile, Topology topology) {

    public EndpointId caller() {
        return call.caller();
    }

    public EndpointState callerState() {
        return state.endpoint(call.caller());
    }

    /** The version the SPMC treats the caller as: the agreed one, or the profile's assumption. */
    public SpecVersion callerVersion() {
        return callerState().version().agreed().orElse(profile.versionPolicy().assumedCallerVersion());
    }

    public FunctionId functionId() {
        return call.functionId();
    }

    public boolean smc64() {
        return call.functionId().isSmc64();
    }

    /** A fresh result builder for this call under the profile's register convention. */
    public FfaResults results() {
        return FfaResults.forCall(call.registers(), profile.registers());
    }

    /** FFA_ERROR({@code error}), state unchanged. */
    public FfaOutcome error(FfaError error, Rule rule, String summary) {
        return outcome(results().error(error, rule), summary, state);
    }

    /** A single predicted outcome with no RX contents. */
    public FfaOutcome outcome(FfaResults results, String summary, FfaState next) {
        return FfaOutcome.Predicted.of(FfaPrediction.of(results.build(summary), next));
    }

    /** A single predicted outcome with no RX contents, its summary written when read. */
    public FfaOutcome outcome(FfaResults results, Supplier<String> summary, FfaState next) {
        return FfaOutcome.Predicted.of(FfaPrediction.of(results.build(summary), next));
    }

    /** A single predicted outcome that writes {@code rx} to the caller's RX buffer. */
    public FfaOutcome outcome(FfaResults results, String summary, FfaState next, RxContents rx) {
        return FfaOutcome.Predicted.of(
                new FfaPrediction(results.build(summary), Optional.of(rx), StateAfter.fixed(next)));
    }

    /** A single predicted outcome that writes {@code rx}, its summary written when read. */
    public FfaOutcome outcome(FfaResults results, Supplier<String> summary, FfaState next, RxContents rx) {
        return FfaOutcome.Predicted.of(
                new FfaPrediction(results.build(summary), Optional.of(rx), StateAfter.fixed(next)));
    }

    /** The call is outside the model; the state is unchanged. */
    public FfaOutcome unmodelled(String reason) {
        return new FfaOutcome.Unmodelled(state, reason);
    }
}
