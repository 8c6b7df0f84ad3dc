package org.fwcts.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run tested and how its boots went, for the summary: the target and profile, whether
 * the target was a simulation, the images booted, the agent, and the boot record.
 *
 * @param simulated the target was the in-process simulation: no conformance result
 * @param images each image's SHA-256 by role; for a simulation, what it simulates (profile, deviations)
 * @param agent the agent's identification, once a boot reached it
 * @param unexpectedAgentRestarts restarts of the agent the current boot saw
 * @param boots why each boot happened
 * @param givenUp why the target was given up, if it was
 * @param faultInjection the fault schedule and what it injected, when faults were injected
 * @param limits what the run gave up or cut: endpoints given up, console output not logged
 */
public record RunFacts(String target, String descriptor, String profile, String profileDescription, boolean simulated,
        Map<String, String> images, Optional<String> agent, int unexpectedAgentRestarts, List<String> boots,
        int retransmissions, List<String> targetFailures, Optional<String> givenUp, Map<String, String> faultInjection,
        Map<String, String> limits) {

    public RunFacts {
        images = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(images));
        boots = List.copyOf(boots);
        targetFailures = List.copyOf(targetFailures);
        faultInjection = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(faultInjection));
        limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** The facts as the summary's target table lists them. */
    public Map<String, String> toMap() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("target", target);
        facts.put("descriptor", descriptor);
        facts.put("profile", profile);
        facts.put("profileDescription", profileDescription);
        if (simulated) {
            // Every report of the run says so, even one that never booted.
            facts.put("simulation", RunSummary.SIMULATED);
        }
        // A simulation's identity (profile, deviations) stands where image hashes go; it is not a hash.
        images.forEach((role, hash) -> facts.put(simulated ? role : "sha256 " + role, hash));
        if (agent.isPresent()) {
            facts.put("agent", agent.get());
            facts.put("unexpectedAgentRestarts", Integer.toString(unexpectedAgentRestarts));
        } else if (boots.isEmpty()) {
            facts.put("boot", "the target was not booted");
        }
        if (!boots.isEmpty()) {
            facts.put("boots", boots.size() + " (" + String.join("; ", boots) + ")");
        }
        facts.put("retransmissions", Integer.toString(retransmissions));
        facts.put("targetFailures", targetFailures.size() + (targetFailures.isEmpty() ? ""
                : " (" + String.join("; ", targetFailures) + ")"));
        givenUp.ifPresent(reason -> facts.put("targetAbandoned", reason));
        facts.putAll(limits);
        facts.putAll(faultInjection);
        return facts;
    }
}
