package org.fwcts.model.ffa.handler.memory;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.ResultConstraint;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.memory.MemoryState;
import org.fwcts.model.prediction.RegisterPrediction;

/**
 * The handle an SPMC chooses for a new transaction (DEN0077A, "Memory handle"): what any choice
 * must satisfy, as a {@link ResultConstraint}, and the value the profile's scheme would pick, as a
 * suggestion only (failed sends may use up counter values the model does not see).
 */
final class HandleAllocation {
    /** Bit 63: set when the hypervisor allocated the handle, clear when the SPMC did. */
    private static final long HYPERVISOR_ALLOCATED = 1L << 63;
    private static final long INVALID = -1L;
    private static final long TFA_FIRST = 0xFFFF_FFC0L;
    private static final long BIT_44 = 1L << 44;

    private HandleAllocation() {
    }

    /** The handle the profile's scheme picks next in {@code state}. */
    /** The constraint's description by the register holding the handle's low half (w1 or w2). */
    private static final String[] CONSTRAINTS = {null, describe(1), describe(2)};

    private static String describe(int low) {
        return "the handle in w" + low + "/w" + (low + 1)
                + " is not all ones, has bit 63 clear (SPMC-allocated) and is not in use";
    }

    static long suggestion(MemoryChoices.HandleScheme scheme, MemoryState state) {
        long candidate;
        switch (scheme) {
            case COUNTER_FROM_FFFFFFC0:
                candidate = state.lastHandle().isPresent() ? state.lastHandle().getAsLong() + 1 : TFA_FIRST;
                while (state.inUse(candidate)) {
                    candidate++;
                }
                return candidate;
            case FIRST_FREE_INDEX_BIT_44:
                candidate = BIT_44;
                break;
            default:
                candidate = 0;
                break;
        }
        while (state.inUse(candidate)) {
            candidate++;
        }
        return candidate;
    }

    /** Predicts registers {@code low} and {@code low + 1} as a handle the SPMC chooses. */
    static FfaResults predict(FfaResults results, int low, long suggestion) {
        return results.predict(low, new RegisterPrediction.Chosen(suggestion & 0xFFFF_FFFFL, "handle[31:0]",
                        MemoryRules.HANDLE))
                .predict(low + 1, new RegisterPrediction.Chosen(suggestion >>> 32, "handle[63:32]", MemoryRules.HANDLE));
    }

    /** The handle in registers {@code low} (bits [31:0]) and {@code low + 1} (bits [63:32]). */
    static long observed(Registers registers, int low) {
        return (registers.x(low) & 0xFFFF_FFFFL) | (registers.x(low + 1) & 0xFFFF_FFFFL) << 32;
    }

    /** What the chosen handle must satisfy: not all ones, allocated by the SPMC, not already in use. */
    static ResultConstraint constraint(MemoryState state, int low) {
        return new ResultConstraint(CONSTRAINTS[low], observed -> {
                    long handle = observed(observed, low);
                    return handle != INVALID && (handle & HYPERVISOR_ALLOCATED) == 0 && !state.inUse(handle);
                }, MemoryRules.HANDLE);
    }
}
