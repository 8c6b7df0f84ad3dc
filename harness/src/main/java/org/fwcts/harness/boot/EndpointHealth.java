package org.fwcts.harness.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;

/**
 * Which agents' endpoints still answer, across the boots of one run. A target gives up as a whole;
 * an endpoint can be lost alone (a partition that never answers again after a relaunch), and every
 * test that needs it is then recorded at once with the reason instead of waiting on it.
 */
public final class EndpointHealth {
    private final Map<EndpointId, String> lost = new LinkedHashMap<>();

    /** Records that {@code endpoint} is not used again in this run, and why. */
    public synchronized void lose(EndpointId endpoint, String reason) {
        lost.putIfAbsent(endpoint, reason);
    }

    /** Why {@code endpoint} is not used any more, if it is not. */
    public synchronized Optional<String> lost(EndpointId endpoint) {
        return Optional.ofNullable(lost.get(endpoint));
    }

    public synchronized Map<EndpointId, String> lostEndpoints() {
        return Map.copyOf(lost);
    }
}
