package org.fwcts.model.rmm;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;

/**
 * The endpoint IDs a call history uses for realm agents: 0x7E00 plus the realm's number on the
 * boot. They are FWCTS's own addresses for the caller of a realm call, not FF-A partition IDs
 * (a realm is no FF-A endpoint).
 */
public final class RealmEndpoints {
    private static final int FIRST = 0x7E00;
    private static final int COUNT = 0x100;

    private RealmEndpoints() {
    }

    /** The endpoint of the agent in realm number {@code ordinal}. */
    public static EndpointId of(int ordinal) {
        if (ordinal < 0 || ordinal >= COUNT) {
            throw new IllegalArgumentException("realm number " + ordinal + " outside 0.." + (COUNT - 1));
        }
        return EndpointId.of(FIRST + ordinal);
    }

    /** The realm number of {@code endpoint}, if it is a realm's. */
    public static Optional<Integer> ordinal(EndpointId endpoint) {
        int value = endpoint.value();
        return value >= FIRST && value < FIRST + COUNT ? Optional.of(value - FIRST) : Optional.empty();
    }
}
