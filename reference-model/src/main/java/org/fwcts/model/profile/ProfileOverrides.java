package org.fwcts.model.profile;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.Set;
import java.util.TreeSet;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaSystem;
import org.fwcts.model.ffa.Topology;

/**
 * Applies field overrides written as text (from a target descriptor) to a profile.
 *
 * <p>Version fields take {@code MAJOR.MINOR}; optional ones also take {@code none}.
 */
public final class ProfileOverrides {
    private static final Map<String, BiFunction<Profile, String, Profile>> FIELDS = Map.of(
            "smcccVersion", (p, v) -> p.withSmcccVersion(optionalVersion(v)),
            "psciVersion", (p, v) -> p.withPsciVersion(SpecVersion.parse(v)),
            "ffaVersion", (p, v) -> p.withFfaVersion(optionalVersion(v)),
            "enforcedEndpoints", ProfileOverrides::enforcedEndpoints);

    private ProfileOverrides() {
    }

    /** The names that may be overridden. */
    public static java.util.Set<String> fields() {
        return new java.util.TreeSet<>(FIELDS.keySet());
    }

    /**
     * Returns {@code base} with each override applied, named {@code base.name() + "+overrides"}.
     *
     * @throws IllegalArgumentException naming the field when a key or value is not valid
     */
    public static Profile apply(Profile base, Map<String, String> overrides) {
        Profile result = base;
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            BiFunction<Profile, String, Profile> setter = FIELDS.get(entry.getKey());
            if (setter == null) {
                throw new IllegalArgumentException("unknown profile field '" + entry.getKey() + "' (known: " + fields() + ")");
            }
            try {
                result = setter.apply(result, entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(entry.getKey() + ": " + e.getMessage(), e);
            }
        }
        return overrides.isEmpty() ? result : result.withName(base.name() + "+overrides");
    }

    /**
     * The FF-A endpoints whose memory access hardware enforces, as comma-separated hex IDs
     * ({@code 0x0000,0x8001}) or {@code none}.
     */
    private static Profile enforcedEndpoints(Profile profile, String text) {
        FfaSystem system = profile.ffa().orElseThrow(() ->
                new IllegalArgumentException("profile " + profile.name() + " has no FF-A system"));
        Set<EndpointId> ids = new TreeSet<>();
        if (!"none".equals(text.trim())) {
            for (String part : text.split(",")) {
                String id = part.trim().replaceFirst("^0[xX]", "");
                try {
                    ids.add(EndpointId.of(Integer.parseInt(id, 16)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + part.trim() + "' is not a 16-bit endpoint ID", e);
                }
            }
        }
        Topology topology = system.topology();
        Topology enforced = new Topology(topology.normalWorld(), topology.partitions(), topology.ownedMemory(), ids);
        return profile.withFfa(Optional.of(new FfaSystem(system.spmc(), enforced)));
    }

    private static Optional<SpecVersion> optionalVersion(String text) {
        return "none".equals(text.trim()) ? Optional.empty() : Optional.of(SpecVersion.parse(text));
    }
}
