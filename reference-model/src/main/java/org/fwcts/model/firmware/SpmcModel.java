package org.fwcts.model.firmware;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.model.ffa.spmc.AbiGroup;
import org.fwcts.model.ffa.EndpointState;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.FfaRules;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.handler.discovery.DiscoveryCalls;
import org.fwcts.model.ffa.handler.memory.MemoryCalls;
import org.fwcts.model.ffa.handler.messaging.MessagingCalls;
import org.fwcts.model.ffa.handler.notification.NotificationCalls;
import org.fwcts.model.ffa.handler.rxtx.MailboxCalls;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.smccc.FunctionId;

/**
 * The FF-A SPMC as an executable specification: given a state and one call from one endpoint,
 * it predicts the results, the RX buffer contents and the next state, citing a rule for each.
 *
 * <p>Deterministic and free of I/O. Calls arrive at the SPMC as an endpoint makes them; a
 * hypervisor or mediator in front of it is a separate model that calls this one.
 */
public final class SpmcModel {
    private final SpmcProfile profile;
    private final Topology topology;
    private final Map<FfaFunction, FfaHandler> handlers = new EnumMap<>(FfaFunction.class);

    public SpmcModel(SpmcProfile profile, Topology topology) {
        this(profile, topology, List.of(new DiscoveryCalls(), new MailboxCalls(), new MessagingCalls(),
                new MemoryCalls(), new NotificationCalls()));
    }

    public SpmcModel(SpmcProfile profile, Topology topology, List<AbiGroup> groups) {
        this.profile = profile;
        this.topology = topology;
        for (AbiGroup group : groups) {
            handlers.putAll(group.handlers());
        }
    }

    public SpmcProfile profile() {
        return profile;
    }

    public Topology topology() {
        return topology;
    }

    public FfaState freshBoot() {
        return FfaState.freshBoot(topology);
    }

    /** Predicts {@code call} in {@code state}. */
    public FfaOutcome step(FfaState state, FfaCall call) {
        FunctionId id = call.functionId();
        Optional<FfaFunction> function = FfaFunction.of(id);
        if (function.isEmpty() || !profile.functions().handles(id, call.caller())) {
            return new FfaContext(closeNegotiation(state, call), call, profile, topology)
                    .error(FfaError.NOT_SUPPORTED, FfaRules.NOT_PROVIDED, id + " is not provided to " + call.caller());
        }
        boolean negotiates = !profile.versionPolicy().outsideNegotiation().contains(function.get());
        if (function.get() != FfaFunction.FFA_VERSION && negotiates) {
            state = closeNegotiation(state, call);
            if (profile.versionPolicy().requiresAgreement()
                    && state.endpoint(call.caller()).version().agreed().isEmpty()) {
                FfaOutcome required = new FfaContext(state, call, profile, topology).error(FfaError.NOT_SUPPORTED,
                        FfaRules.VERSION_REQUIRED, call.caller() + " called " + function.get() + " without agreeing a version");
                return alsoRefusedByHandler(required, state, call, function.get());
            }
        }
        FfaHandler handler = handlers.get(function.get());
        if (handler == null) {
            return new FfaOutcome.Unmodelled(state, function.get() + " is not modelled");
        }
        return handler.handle(new FfaContext(state, call, profile, topology));
    }

    /**
     * A call refused for want of a version that its handler refuses anyway may get the handler's
     * error instead: the specification orders neither check first (TF-A's SPMD refuses a normal-world
     * direct request with a secure sender ID before its EL3 SPMC looks at the version).
     */
    private FfaOutcome alsoRefusedByHandler(FfaOutcome required, FfaState state, FfaCall call, FfaFunction function) {
        FfaHandler handler = handlers.get(function);
        if (handler == null || !(handler.handle(new FfaContext(state, call, profile, topology))
                instanceof FfaOutcome.Predicted refused)) {
            return required;
        }
        long error = FfaFunction.FFA_ERROR.x0();
        for (FfaPrediction alternative : refused.alternatives()) {
            if (!alternative.registers().register(0).admits(error) || alternative.registers().register(0).admits(
                    FfaFunction.FFA_SUCCESS.x0())) {
                return required;
            }
        }
        java.util.List<FfaPrediction> either = new java.util.ArrayList<>(((FfaOutcome.Predicted) required).alternatives());
        either.addAll(refused.alternatives());
        return new FfaOutcome.Predicted(either);
    }

    /** Any FF-A call other than FFA_VERSION ends the caller's negotiation (DEN0077A, "FFA_VERSION"). */
    private static FfaState closeNegotiation(FfaState state, FfaCall call) {
        EndpointState endpoint = state.endpoint(call.caller());
        if (endpoint.version().closed()) {
            return state;
        }
        return state.withEndpoint(call.caller(), endpoint.withVersion(endpoint.version().close()));
    }
}
