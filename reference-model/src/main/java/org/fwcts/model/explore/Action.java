package org.fwcts.model.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.fwcts.model.ffa.EndpointId;

/**
 * One generated action in the abstract: what to do, by whom, with which choices, but no
 * target-chosen values (handles, addresses of buffers). It is made concrete against the model's
 * state when it runs, so a sequence still means something when a shrink removes the step that
 * produced a handle, and a saved scenario replays on any boot.
 *
 * @param area the interface area whose generator made it, e.g. {@code memory}
 * @param kind what it does within the area, e.g. {@code send}
 * @param caller the endpoint that makes it
 * @param params the generator's choices, by name, as text (what a scenario file stores)
 */
public record Action(String area, String kind, EndpointId caller, Map<String, String> params) {

    public Action {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caller, "caller");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Generators propose the same few hundred actions at every step: each is built once and shared
     * (actions are immutable), so a step allocates its weights, not its actions.
     */
    private static final Map<Key, Action> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The arguments of {@link #of}, compared without copying them (a lookup is most of a proposal's cost). */
    private static final class Key {
        private final Object[] parts;
        private final int hash;

        Key(Object[] parts) {
            this.parts = parts;
            this.hash = java.util.Arrays.hashCode(parts);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && java.util.Arrays.equals(key.parts, parts);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** An action with choices given as name, value, name, value… */
    public static Action of(String area, String kind, EndpointId caller, String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs");
        }
        Object[] key = new Object[nameValues.length + 3];
        key[0] = area;
        key[1] = kind;
        key[2] = caller;
        System.arraycopy(nameValues, 0, key, 3, nameValues.length);
        Key lookup = new Key(key);
        Action made = MADE.get(lookup);
        if (made != null) {
            return made;
        }
        return MADE.computeIfAbsent(lookup, k -> {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < nameValues.length; i += 2) {
                params.put(nameValues[i], nameValues[i + 1]);
            }
            return new Action(area, kind, caller, params);
        });
    }

    /** The choice {@code name}; an action read from a file may lack it, and the error names it. */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException(area + "." + kind + ": missing parameter '" + name + "'");
        }
        return value;
    }

    /** The choice {@code name} as a hexadecimal number, with or without {@code 0x}; the error names a bad one. */
    public long hexParam(String name) {
        String text = param(name);
        try {
            return Long.parseUnsignedLong(text.startsWith("0x") ? text.substring(2) : text, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(area + "." + kind + ": parameter '" + name + "': '" + text
                    + "' is not a hex number", e);
        }
    }

    public String param(String name, String fallback) {
        return params.getOrDefault(name, fallback);
    }

    /** One line for progress and reports: {@code memory.send by 0x0000 {type=LEND, pages=1}}. */
    @Override
    public String toString() {
        return area + "." + kind + " by " + caller + (params.isEmpty() ? "" : " " + params);
    }
}
