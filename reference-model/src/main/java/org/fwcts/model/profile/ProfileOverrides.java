package org.fwcts.model.profile;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.fwcts.model.SpecVersion;

/**
 * Applies field overrides written as text (from a target descriptor) to a profile.
 *
 * <p>Version fields take {@code MAJOR.MINOR}; optional ones also take {@code none}.
 */
public final class ProfileOverrides {
    private static final Map<String, BiFunction<Profile, String, Profile>> FIELDS = Map.of(
            "smcccVersion", (p, v) -> p.withSmcccVersion(optionalVersion(v)),
            "psciVersion", (p, v) -> p.withPsciVersion(SpecVersion.parse(v)),
            "ffaVersion", (p, v) -> p.withFfaVersion(optionalVersion(v)));

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

    private static Optional<SpecVersion> optionalVersion(String text) {
        return "none".equals(text.trim()) ? Optional.empty() : Optional.of(SpecVersion.parse(text));
    }
}
