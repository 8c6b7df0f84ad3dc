package org.fwcts.harness.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;

/**
 * Which agents' endpoints still answer, across the boots of one run. A target gives up as a whole;
 * an endpoint can be lost alone.
 *
 * <p>An endpoint that does not answer on one boot may have been hit by a passing fault; one that
 * does not answer again on a later boot, after a relaunch, is broken for this firmware: from then
 * on every test that needs it is recorded with the reason at once, instead of waiting out its
 * command deadline on yet another boot. An answer on a later boot clears the record.
 */
public final class EndpointHealth {
    private final Map<EndpointId, Silence> lastSilence = new HashMap<>();
    private final Map<EndpointId, List<Silence>> givenUp = new HashMap<>();

    /** One boot on which an endpoint did not answer: the boot's number and what was asked. */
    public record Silence(int boot, String request) {
        @Override
        public String toString() {
            return "boot " + boot + " (" + request + ")";
        }
    }

    /** Records that {@code endpoint} gave no answer to {@code request} on boot number {@code boot}. */
    public synchronized void unanswered(EndpointId endpoint, int boot, String request) {
        Silence silence = new Silence(boot, request);
        Silence previous = lastSilence.get(endpoint);
        if (previous != null && previous.boot() < boot) {
            givenUp.putIfAbsent(endpoint, List.of(previous, silence));
        }
        lastSilence.put(endpoint, silence);
    }

    /** Records an answer from {@code endpoint}: any earlier silence was passing. */
    public synchronized void answered(EndpointId endpoint) {
        if (!givenUp.containsKey(endpoint)) {
            lastSilence.remove(endpoint);
        }
    }

    /** The boots on which an endpoint given up for the run did not answer, oldest first; empty while it may still answer. */
    public synchronized Optional<List<Silence>> givenUp(EndpointId endpoint) {
        return Optional.ofNullable(givenUp.get(endpoint)).map(ArrayList::new);
    }

    /** Why {@code endpoint} is given up, in the words a test record carries; empty while it may still answer. */
    public synchronized Optional<String> reason(EndpointId endpoint) {
        return givenUp(endpoint).map(silences -> endpoint + " did not recover: it did not answer on "
                + silences.get(0) + " nor, after a relaunch, on " + silences.get(1));
    }

    /** Every endpoint given up, for the run's facts. */
    public synchronized Map<EndpointId, String> givenUpEndpoints() {
        Map<EndpointId, String> reasons = new HashMap<>();
        givenUp.keySet().forEach(id -> reasons.put(id, reason(id).orElseThrow()));
        return reasons;
    }
}
