package org.fwcts.model.ffa.handler.memory;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.FragmentedSend;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.SendRules;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.spmc.FfaState;

/**
 * FFA_MEM_FRAG_TX (DEN0077A, "FFA_MEM_FRAG_TX"; w1/w2 handle, w3 fragment length, w4[31:16] sender
 * ID): the next fragment of a send; the last one completes the transaction.
 */
final class FragmentTxHandler implements FfaHandler {

    @Override
    public FfaOutcome handle(FfaContext context) {
        MemoryChoices choices = context.profile().memory();
        FfaCall call = context.call();
        long handle = HandleAllocation.observed(call.registers(), 1);
        long length = call.w(3) & 0xFFFF_FFFFL;
        FragmentedSend send = context.state().memory().sending().get(handle);
        if (send == null) {
            return context.error(FfaError.INVALID_PARAMETERS, SendRules.FRAG_TX_HANDLE, "handle 0x"
                    + Long.toHexString(handle) + " is not a send expecting fragments");
        }
        Optional<Refusal> refusal = senderId(choices, context, send);
        if (refusal.isEmpty() && !SendChecks.actsFor(context.caller(), send.caller())) {
            refusal = Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.FRAG_TX_HANDLE,
                    context.caller() + " continues a send by " + send.caller());
        }
        if (refusal.isPresent()) {
            return refusal.get().outcome(context);
        }
        FfaState abandoned = context.state().withMemory(context.state().memory().withSending(handle, null));
        FfaState kept = choices.abandonsSendOnFragmentError() ? abandoned : context.state();
        refusal = fragmentLength(choices, send, length)
                .or(() -> SendHandler.buffer(choices, context.callerState().mailbox(), length));
        if (refusal.isPresent()) {
            return refusal.get().outcome(context, kept);
        }
        if (choices.maxFragments().isPresent() && send.fragmentLengths().size() >= choices.maxFragments().getAsInt()) {
            return new Refusal(FfaError.NO_MEMORY, SendRules.NO_MEMORY, "more than "
                    + choices.maxFragments().getAsInt() + " fragments").outcome(context, abandoned);
        }
        if (call.txLength() < length) {
            return context.unmodelled("the call supplies " + call.txLength() + " TX bytes of a " + length
                    + "-byte fragment");
        }
        byte[] fragment = call.txPrefix((int) length);
        if (send.receivedLength() + fragment.length == send.totalLength()) {
            return SendCompletion.complete(context, send.type(), send.receivedWith(fragment), send.version(),
                    send.fragmentLengthsWith(fragment.length), OptionalLong.of(handle), abandoned);
        }
        FragmentedSend grown = send.plus(fragment);
        FfaResults results = context.results()
                .function(FfaFunction.FFA_MEM_FRAG_RX.smc32().orElseThrow(), SendRules.FRAG_RX)
                .value32(1, handle & 0xFFFF_FFFFL, SendRules.FRAG_RX)
                .value32(2, handle >>> 32, SendRules.FRAG_RX)
                .value32(3, grown.receivedLength(), SendRules.FRAG_RX)
                .value32(4, SendHandler.senderField(choices, context.caller(), sender(send)), SendRules.FRAG_RX);
        return context.outcome(results, () -> "FFA_MEM_FRAG_TX: " + grown.receivedLength() + " of " + send.totalLength()
                + " bytes received", context.state().withMemory(context.state().memory().withSending(handle, grown)));
    }

    private static Optional<Refusal> senderId(MemoryChoices choices, FfaContext context, FragmentedSend send) {
        long field = context.call().w(4) & 0xFFFF_FFFFL;
        boolean refused;
        switch (choices.fragmentSenderField()) {
            case SENDER_ID:
                refused = field != (long) sender(send).value() << 16;
                break;
            case ZERO_FROM_PARTITIONS:
                refused = context.caller().isSecure() && field != 0;
                break;
            default:
                refused = false;
                break;
        }
        return refused ? Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.FRAG_TX_SENDER_ID,
                "w4 is 0x" + Long.toHexString(field)) : Optional.empty();
    }

    private static Optional<Refusal> fragmentLength(MemoryChoices choices, FragmentedSend send, long length) {
        if (choices.wholeConstituentFragments() && (length == 0 || length % Constituent.SIZE != 0)) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.FRAG_TX_LENGTH,
                    "a " + length + "-byte fragment is not whole constituents");
        }
        if (length > send.totalLength() - send.receivedLength()) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.FRAG_TX_LENGTH, "a " + length
                    + "-byte fragment with " + (send.totalLength() - send.receivedLength()) + " bytes left");
        }
        return Optional.empty();
    }

    /** The sender the descriptor's first fragment names. */
    private static EndpointId sender(FragmentedSend send) {
        return send.namedSender();
    }
}
