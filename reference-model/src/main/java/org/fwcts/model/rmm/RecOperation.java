package org.fwcts.model.rmm;

import java.util.List;

/**
 * A REC_CREATE or REC_DESTROY in progress under RMI 2.0: a stateful RMI operation whose auxiliary granules the host
 * donates and reclaims (DEN0137 2.0 BET0, "Stateful RMI operations"; TF-RMM v0.9.0 {@code runtime/rmi/rec.c},
 * {@code sro.c}).
 *
 * @param creating REC_CREATE (true) or REC_DESTROY
 * @param rd the RD REC_CREATE named (checked only when the operation continues)
 * @param rec the REC granule, PARTIAL while the operation lasts
 * @param params the REC parameters REC_CREATE named (read when the operation continues)
 * @param stage what the operation waits for
 * @param aux the auxiliary granules donated so far (REC_CREATE) or the REC's (REC_DESTROY), in order
 * @param reclaimed how many of {@code aux} have been given back
 * @param result the status the operation ends with once its memory is reclaimed
 */
public record RecOperation(boolean creating, long rd, long rec, long params, Stage stage, List<Long> aux, int reclaimed,
        RmiStatus result) {

    public RecOperation {
        aux = List.copyOf(aux);
    }

    /** What the operation waits for; each takes one command (TF-RMM v0.9.0 {@code rec_continue_handler}). */
    public enum Stage {
        /** RMI_OP_MEM_DONATE of the auxiliary granules still missing. */
        DONATE,
        /** RMI_OP_CONTINUE, which creates the REC. */
        CREATE,
        /** RMI_OP_MEM_RECLAIM of the auxiliary granules not yet given back. */
        RECLAIM,
        /** RMI_OP_CONTINUE, which returns the REC granule to DELEGATED and ends with {@link #result()}. */
        FINISH
    }

    RecOperation at(Stage next, List<Long> granules, int given, RmiStatus status) {
        return new RecOperation(creating, rd, rec, params, next, granules, given, status);
    }
}
