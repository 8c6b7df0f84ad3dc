package org.fwcts.model.rmm;

import java.util.List;
import java.util.Optional;

/**
 * A REC and where the realm agent running on it stands (firmware-images/realm-agent/PROTOCOL.md).
 *
 * @param pa the REC granule
 * @param rd the realm it belongs to
 * @param index its index in the realm (MPIDR)
 * @param runnable the RUNNABLE flag it was created with
 * @param aux its auxiliary granules
 * @param stage where the realm agent is
 * @param ripasChange the RIPAS change the REC asked for and the host has not finished, if any
 * @param access the access that exited to the host and will be retried or completed on the next entry
 */
public record Rec(long pa, long rd, int index, boolean runnable, List<Long> aux, Stage stage,
        Optional<RipasChange> ripasChange, Optional<PendingAccess> access) {

    public Rec {
        aux = List.copyOf(aux);
    }

    /** Where the realm agent on this REC stands. */
    public enum Stage {
        /** Never entered: the first entry runs the agent to its banner. */
        NOT_STARTED,
        /** At a RESULT or BANNER host call: the next entry hands it a command. */
        WAITING,
        /** Its RSI_IPA_STATE_SET exited with RIPAS_CHANGE; the next entry completes the call. */
        RIPAS_REQUESTED,
        /** An access exited to the host; the next entry retries it or completes it as emulated. */
        ACCESS_EXITED
    }

    /**
     * A RIPAS change in progress (DEN0137 1.0, "RSI_IPA_STATE_SET").
     *
     * @param next the next IPA the host has to apply (RTT_SET_RIPAS advances it)
     */
    public record RipasChange(long base, long top, Ripas target, boolean changeDestroyed, long next) {
        RipasChange advancedTo(long address) {
            return new RipasChange(base, top, target, changeDestroyed, address);
        }
    }

    /** An access that exited to the host: where, whether it wrote, and what. */
    public record PendingAccess(long ipa, boolean write, long value) {
    }

    Rec withStage(Stage changed, Optional<RipasChange> ripas, Optional<PendingAccess> pending) {
        return new Rec(pa, rd, index, runnable, aux, changed, ripas, pending);
    }
}
