package org.fwcts.model.ffa;

import java.util.Set;
import org.fwcts.model.smccc.FunctionId;

/**
 * Which FF-A function identifiers an implementation provides, by the caller's world
 * (DEN0077A, "FFA_FEATURES": an implementation reports only what it provides at that instance).
 *
 * @param fromNormalWorld what FFA_FEATURES reports as provided to the normal world
 * @param fromSecureWorld what FFA_FEATURES reports as provided to partitions
 * @param alsoHandled identifiers the implementation dispatches to a handler although FFA_FEATURES
 *     does not report them (so a misuse gets that handler's error rather than NOT_SUPPORTED), by
 *     caller world: normal world first, then secure world
 */
public record FunctionAvailability(Set<FunctionId> fromNormalWorld, Set<FunctionId> fromSecureWorld,
        Set<FunctionId> alsoHandledFromNormalWorld, Set<FunctionId> alsoHandledFromSecureWorld) {
    public FunctionAvailability {
        fromNormalWorld = Set.copyOf(fromNormalWorld);
        fromSecureWorld = Set.copyOf(fromSecureWorld);
        alsoHandledFromNormalWorld = Set.copyOf(alsoHandledFromNormalWorld);
        alsoHandledFromSecureWorld = Set.copyOf(alsoHandledFromSecureWorld);
    }

    /** Availability where what is handled is exactly what is reported. */
    public FunctionAvailability(Set<FunctionId> fromNormalWorld, Set<FunctionId> fromSecureWorld) {
        this(fromNormalWorld, fromSecureWorld, Set.of(), Set.of());
    }

    /** Whether FFA_FEATURES reports {@code id} as provided to {@code caller}. */
    public boolean provides(FunctionId id, EndpointId caller) {
        return caller.isSecure() ? fromSecureWorld.contains(id) : fromNormalWorld.contains(id);
    }

    /** Whether a call to {@code id} from {@code caller} reaches a handler (else NOT_SUPPORTED). */
    public boolean handles(FunctionId id, EndpointId caller) {
        return provides(id, caller)
                || (caller.isSecure() ? alsoHandledFromSecureWorld : alsoHandledFromNormalWorld).contains(id);
    }
}
