package org.fwcts.model.rmm;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
 * @param psci the PSCI request that exited to the host, and its result once RMI_PSCI_COMPLETE gave one
 * @param tokenCopied how many bytes of the CCA token RSI_ATTEST_TOKEN_CONTINUE has copied, present from
 *     RSI_ATTEST_TOKEN_INIT until the token is complete (TF-RMM keeps it per REC: {@code rec_attest_data})
 */
public record Rec(long pa, long rd, int index, boolean runnable, List<Long> aux, Stage stage,
        Optional<RipasChange> ripasChange, Optional<PendingAccess> access, Optional<PsciRequest> psci,
        OptionalLong tokenCopied) {

    public Rec {
        aux = List.copyOf(aux);
    }

    /** A REC without a PSCI request outstanding. */
    public Rec(long pa, long rd, int index, boolean runnable, List<Long> aux, Stage stage,
            Optional<RipasChange> ripasChange, Optional<PendingAccess> access) {
        this(pa, rd, index, runnable, aux, stage, ripasChange, access, Optional.empty(), OptionalLong.empty());
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
        ACCESS_EXITED,
        /** A PSCI call exited to the host; the REC cannot run until RMI_PSCI_COMPLETE. */
        PSCI_REQUESTED,
        /** RMI_PSCI_COMPLETE gave the PSCI call its result; the next entry returns it to the agent. */
        PSCI_COMPLETED
    }

    /**
     * A PSCI CPU_ON or AFFINITY_INFO that needs the host (TF-RMM {@code runtime/rsi/psci.c}).
     *
     * @param function the PSCI function ID the realm called
     * @param mpidr the target's MPIDR
     * @param result the PSCI return value RMI_PSCI_COMPLETE settled (meaningful at PSCI_COMPLETED)
     */
    public record PsciRequest(long function, long mpidr, long result) {
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
        return new Rec(pa, rd, index, runnable, aux, changed, ripas, pending, Optional.empty(), tokenCopied);
    }

    Rec withPsci(Stage changed, PsciRequest request) {
        return new Rec(pa, rd, index, runnable, aux, changed, Optional.empty(), Optional.empty(), Optional.of(request),
                tokenCopied);
    }

    Rec madeRunnable() {
        return new Rec(pa, rd, index, true, aux, stage, ripasChange, access, psci, tokenCopied);
    }

    Rec withTokenCopied(OptionalLong copied) {
        return new Rec(pa, rd, index, runnable, aux, stage, ripasChange, access, psci, copied);
    }
}
