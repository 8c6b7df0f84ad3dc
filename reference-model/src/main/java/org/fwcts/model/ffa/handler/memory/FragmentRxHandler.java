package org.fwcts.model.ffa.handler.memory;

import java.util.Optional;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryState;
import org.fwcts.model.ffa.memory.ResponseFragment;
import org.fwcts.model.ffa.memory.ResponseInFlight;
import org.fwcts.model.ffa.memory.RetrieveRules;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.Mailbox;

/**
 * FFA_MEM_FRAG_RX from a retriever (DEN0077A, "FFA_MEM_FRAG_RX"; w1/w2 handle, w3 bytes received so
 * far, w4 sender ID): the SPMC writes the next fragment of a long retrieve response to the RX buffer
 * and answers FFA_MEM_FRAG_TX.
 */
final class FragmentRxHandler implements FfaHandler {

    @Override
    public FfaOutcome handle(FfaContext context) {
        MemoryChoices choices = context.profile().memory();
        FfaCall call = context.call();
        long handle = HandleAllocation.observed(call.registers(), 1);
        ResponseInFlight pulling = context.state().memory().responses().get(context.caller());
        if (pulling == null || pulling.handle() != handle) {
            return context.error(FfaError.INVALID_PARAMETERS, RetrieveRules.FRAG_RX_OFFSET,
                    context.caller() + " is not pulling a response for handle 0x" + Long.toHexString(handle));
        }
        if (context.caller().isSecure() && call.w(4) != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, RetrieveRules.FRAG_RX_SENDER, "w4 is not zero");
        }
        Optional<Mailbox> mailbox = context.callerState().mailbox();
        if (mailbox.isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, RetrieveRules.RX_BUFFER, "no RX buffer is mapped");
        }
        if (mailbox.get().rxFull()) {
            return context.error(choices.rxBusyError(), RetrieveRules.RX_BUFFER, "the RX buffer is full");
        }
        long offset = call.w(3) & 0xFFFF_FFFFL;
        if (offset != pulling.nextOffset()) {
            return context.error(FfaError.INVALID_PARAMETERS, RetrieveRules.FRAG_RX_OFFSET,
                    "offset " + offset + ", the retriever has received " + pulling.nextOffset() + " bytes");
        }
        ResponseFragment fragment = new ResponseFragment(handle, (int) offset, pulling.fragment(pulling.delivered()));
        ResponseInFlight next = pulling.next();
        MemoryState memory = context.state().memory().withResponse(context.caller(), next.complete() ? null : next);
        FfaState after = context.state().withMemory(memory).withEndpoint(context.caller(),
                context.callerState().withMailbox(Optional.of(mailbox.get().deliver(fragment))));
        FfaResults results = context.results()
                .function(FfaFunction.FFA_MEM_FRAG_TX.smc32().orElseThrow(), RetrieveRules.FRAG_TX)
                .value32(1, handle & 0xFFFF_FFFFL, RetrieveRules.FRAG_TX)
                .value32(2, handle >>> 32, RetrieveRules.FRAG_TX)
                .value32(3, fragment.bytes().length, RetrieveRules.FRAG_TX)
                .unspecified(4, RetrieveRules.FRAG_TX);
        return context.outcome(results, () -> "FFA_MEM_FRAG_RX: " + fragment.bytes().length + " more bytes of handle 0x"
                + Long.toHexString(handle) + "'s response", after, fragment);
    }
}
