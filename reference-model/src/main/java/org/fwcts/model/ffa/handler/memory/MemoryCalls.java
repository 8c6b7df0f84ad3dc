package org.fwcts.model.ffa.handler.memory;

import java.util.Map;
import org.fwcts.model.ffa.spmc.AbiGroup;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.model.ffa.spmc.FfaHandler;

/**
 * The FF-A functions of memory management (DEN0077A v1.0/v1.1 "Memory management", DEN0140 from
 * v1.2): sending memory, its fragments, retrieving, relinquishing and
 * reclaiming it.
 */
public final class MemoryCalls implements AbiGroup {

    @Override
    public Map<FfaFunction, FfaHandler> handlers() {
        return Map.of(
                FfaFunction.FFA_MEM_DONATE, new SendHandler(TransactionType.DONATE),
                FfaFunction.FFA_MEM_LEND, new SendHandler(TransactionType.LEND),
                FfaFunction.FFA_MEM_SHARE, new SendHandler(TransactionType.SHARE),
                FfaFunction.FFA_MEM_FRAG_TX, new FragmentTxHandler(),
                FfaFunction.FFA_MEM_FRAG_RX, new FragmentRxHandler(),
                FfaFunction.FFA_MEM_RETRIEVE_REQ, new RetrieveHandler(),
                FfaFunction.FFA_MEM_RELINQUISH, new RelinquishHandler(),
                FfaFunction.FFA_MEM_RECLAIM, new ReclaimHandler());
    }
}
