package org.fwcts.model.ffa.handler.messaging;

import java.util.Map;
import org.fwcts.model.ffa.spmc.AbiGroup;
import org.fwcts.model.ffa.messaging.CpuCycleRules;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;

/**
 * The FF-A functions of direct and indirect messaging and CPU-cycle management: direct requests
 * and responses (both kinds, SMC32 and SMC64), FFA_MSG_WAIT, FFA_RUN, FFA_YIELD, FFA_INTERRUPT and
 * FFA_MSG_SEND2.
 */
public final class MessagingCalls implements AbiGroup {

    @Override
    public Map<FfaFunction, FfaHandler> handlers() {
        FfaHandler request = new DirectRequestHandler();
        FfaHandler response = new DirectResponseHandler();
        return Map.of(
                FfaFunction.FFA_MSG_SEND_DIRECT_REQ, request,
                FfaFunction.FFA_MSG_SEND_DIRECT_REQ2, request,
                FfaFunction.FFA_MSG_SEND_DIRECT_RESP, response,
                FfaFunction.FFA_MSG_SEND_DIRECT_RESP2, response,
                FfaFunction.FFA_MSG_WAIT, new MsgWaitHandler(),
                FfaFunction.FFA_RUN, new RunHandler(),
                FfaFunction.FFA_YIELD, new YieldHandler(),
                FfaFunction.FFA_INTERRUPT, MessagingCalls::interrupt,
                FfaFunction.FFA_MSG_SEND2, new MsgSend2Handler());
    }

    /**
     * FFA_INTERRUPT is the SPMC's answer to an interrupted endpoint, not a call for endpoints: the
     * normal world meets TF-A's SPMD (NOT_SUPPORTED), a partition its SPMC's refusal.
     */
    private static FfaOutcome interrupt(FfaContext context) {
        if (!context.caller().isSecure()) {
            return context.error(FfaError.NOT_SUPPORTED, CpuCycleRules.SECURE_ONLY,
                    "FFA_INTERRUPT from the normal world");
        }
        return context.error(context.profile().messaging().partitionInterruptError(), CpuCycleRules.INTERRUPT_CALL,
                "partition " + context.caller() + " called FFA_INTERRUPT");
    }
}
