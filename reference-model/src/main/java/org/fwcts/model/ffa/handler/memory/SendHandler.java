package org.fwcts.model.ffa.handler.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.DescriptorRules;
import org.fwcts.model.ffa.memory.FragmentedSend;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.memory.MemoryState;
import org.fwcts.model.ffa.memory.SendRules;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.Mailbox;
import org.fwcts.model.ffa.spmc.StateAfter;

/**
 * FFA_MEM_DONATE, FFA_MEM_LEND and FFA_MEM_SHARE, SMC32 and SMC64 (DEN0077A, "FFA_MEM_SHARE"; w1
 * total length, w2 fragment length, x3/w4 buffer): the register and buffer checks, then either the
 * whole send or its first fragment.
 */
final class SendHandler implements FfaHandler {
    private final TransactionType type;

    SendHandler(TransactionType type) {
        this.type = type;
    }

    @Override
    public FfaOutcome handle(FfaContext context) {
        MemoryChoices choices = context.profile().memory();
        FfaCall call = context.call();
        long total = call.w(1) & 0xFFFF_FFFFL;
        long fragment = call.w(2) & 0xFFFF_FFFFL;
        long address = context.smc64() ? call.x(3) : call.w(3) & 0xFFFF_FFFFL;
        if (address != 0 && choices.descriptorBufferSupported()) {
            return context.unmodelled("the descriptor is in a separate buffer at 0x" + Long.toHexString(address));
        }
        if (address != 0 || call.w(4) != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, MemoryRules.DESCRIPTOR_IN_TX,
                    "x3/w4 name a buffer other than the TX buffer");
        }
        SpecVersion version = context.callerVersion();
        if (fragment > total || fragment < DescriptorLayout.forCaller(version).headerSize()) {
            return context.error(FfaError.INVALID_PARAMETERS, SendRules.FRAGMENT_LENGTH,
                    "fragment length " + fragment + " with total length " + total);
        }
        if (total % 16 != 0) {
            return choices.unalignedLengthError()
                    .map(error -> context.error(error, SendRules.LENGTH_ALIGNMENT, "total length " + total))
                    .orElseGet(() -> context.unmodelled("a total length of " + total + " is not a multiple of 16"));
        }
        Optional<Refusal> refusal = buffer(choices, context.callerState().mailbox(), fragment)
                .or(() -> room(choices, context.state().memory()));
        if (refusal.isPresent()) {
            return refusal.get().outcome(context);
        }
        if (call.txLength() < fragment) {
            return context.unmodelled("the call supplies " + call.txLength() + " TX bytes of a " + fragment
                    + "-byte fragment");
        }
        byte[] first = call.txPrefix((int) fragment);
        if (fragment == total) {
            return SendCompletion.complete(context, type, first, version, List.of((int) fragment), OptionalLong.empty(),
                    context.state());
        }
        return firstFragment(context, first, (int) total, version);
    }

    /** The TX buffer must be mapped and hold the fragment. */
    static Optional<Refusal> buffer(MemoryChoices choices, Optional<Mailbox> mailbox, long fragment) {
        if (mailbox.isEmpty()) {
            return Refusal.of(choices.bufferError(), MemoryRules.TX_BUFFER, "no TX buffer is mapped");
        }
        if (fragment > mailbox.get().sizeBytes()) {
            return Refusal.of(choices.bufferError(), MemoryRules.TX_BUFFER,
                    "a " + fragment + "-byte fragment exceeds the " + mailbox.get().sizeBytes() + "-byte TX buffer");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> room(MemoryChoices choices, MemoryState memory) {
        int live = memory.transactions().size() + memory.sending().size();
        if (choices.maxTransactions().isPresent() && live >= choices.maxTransactions().getAsInt()) {
            return Refusal.of(FfaError.NO_MEMORY, SendRules.NO_MEMORY, live + " transactions are live already");
        }
        return Optional.empty();
    }

    /** The first of several fragments: header checks, then FFA_MEM_FRAG_RX with a new handle. */
    private FfaOutcome firstFragment(FfaContext context, byte[] first, int total, SpecVersion version) {
        MemoryChoices choices = context.profile().memory();
        ByteBuffer in = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN);
        EndpointId sender = EndpointId.low16(in.getShort(0));
        int attributes = version.atLeast(1, 1) ? in.getShort(2) & 0xFFFF : in.get(2) & 0xFF;
        Optional<Refusal> refusal = SendChecks.header(choices, context.caller(), type, sender, attributes, in.getInt(4));
        DescriptorGeometry geometry = DescriptorGeometry.of(first, first.length, version);
        if (refusal.isEmpty() && (geometry.count() == 0 || geometry.emadEnd() > first.length)) {
            refusal = Refusal.of(FfaError.INVALID_PARAMETERS, DescriptorRules.EMAD_BOUNDS,
                    geometry.count() + " EMADs do not fit the first " + first.length + "-byte fragment");
        }
        if (refusal.isPresent()) {
            return refusal.get().outcome(context);
        }
        MemoryState memory = context.state().memory();
        long suggestion = HandleAllocation.suggestion(choices.handles(), memory);
        FfaResults results = context.results()
                .function(FfaFunction.FFA_MEM_FRAG_RX.smc32().orElseThrow(), SendRules.FRAG_RX)
                .value32(3, first.length, SendRules.FRAG_RX)
                .value32(4, senderField(choices, context.caller(), sender), SendRules.FRAG_RX);
        HandleAllocation.predict(results, 1, suggestion);
        FfaState before = context.state();
        EndpointId caller = context.caller();
        StateAfter after = observed -> {
            long handle = HandleAllocation.observed(observed, 1);
            FragmentedSend send = new FragmentedSend(handle, caller, type, version, total, first, List.of(first.length));
            return before.withMemory(memory.withSending(handle, send).withLastHandle(handle));
        };
        return FfaOutcome.Predicted.of(new FfaPrediction(results.build(() -> context.functionId() + ": " + first.length
                + " of " + total + " bytes received, FFA_MEM_FRAG_RX asks for more"), Optional.empty(),
                List.of(HandleAllocation.constraint(memory, 1)), List.of(), after));
    }

    /** w4 of FFA_MEM_FRAG_RX: the sender ID in [31:16] towards a normal-world sender, where the profile says so. */
    static long senderField(MemoryChoices choices, EndpointId caller, EndpointId sender) {
        return choices.fragRxReportsSender() && !caller.isSecure() ? (long) sender.value() << 16 : 0;
    }
}
