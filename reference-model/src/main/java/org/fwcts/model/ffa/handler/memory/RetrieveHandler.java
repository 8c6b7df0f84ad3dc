package org.fwcts.model.ffa.handler.memory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.EndpointState;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.memory.Decoded;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.memory.MemoryState;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.ResponseInFlight;
import org.fwcts.model.ffa.memory.RetrieveResponse;
import org.fwcts.model.ffa.memory.RetrieveRules;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.Mailbox;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.model.ffa.spmc.StateAfter;

/**
 * FFA_MEM_RETRIEVE_REQ, SMC32 and SMC64 (DEN0077A, "FFA_MEM_RETRIEVE_REQ"; w1 total length, w2
 * fragment length, x3/w4 buffer): a borrower maps the memory and receives FFA_MEM_RETRIEVE_RESP
 * with the response descriptor in its RX buffer.
 */
final class RetrieveHandler implements FfaHandler {

    @Override
    public FfaOutcome handle(FfaContext context) {
        MemoryChoices choices = context.profile().memory();
        FfaCall call = context.call();
        long address = context.smc64() ? call.x(3) : call.w(3) & 0xFFFF_FFFFL;
        if (address != 0 || call.w(4) != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, MemoryRules.DESCRIPTOR_IN_TX,
                    "x3/w4 name a buffer other than the TX buffer");
        }
        if (!context.caller().isSecure()) {
            return fromNormalWorld(context, choices);
        }
        Optional<Mailbox> mailbox = context.callerState().mailbox();
        long total = call.w(1) & 0xFFFF_FFFFL;
        SpecVersion version = context.callerVersion();
        Optional<Refusal> refusal = buffers(choices, mailbox, total, call.w(2) & 0xFFFF_FFFFL, version);
        if (refusal.isPresent()) {
            return refusal.get().outcome(context);
        }
        if (call.txLength() < total) {
            return context.unmodelled("the call supplies " + call.txLength() + " TX bytes of a " + total
                    + "-byte request");
        }
        TolerantDecoder.Reading reading = TolerantDecoder.read(call.tx(), (int) total, version,
                choices.toleratedRequestFaults());
        if (reading.beyondModel().isPresent()) {
            return context.unmodelled(reading.beyondModel().get());
        }
        if (reading.decoded() instanceof Decoded.Malformed<MemoryTransaction> malformed) {
            return Refusal.from(malformed).outcome(context);
        }
        MemoryTransaction request = reading.decoded().orElseThrow();
        MemoryState memory = context.state().memory();
        if (memory.isBeingSent(request.handle())) {
            return context.error(FfaError.INVALID_PARAMETERS, MemoryRules.INCOMPLETE,
                    "handle 0x" + Long.toHexString(request.handle()) + " is still being sent");
        }
        Optional<TransactionRecord> record = memory.transaction(request.handle());
        if (record.isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, RetrieveRules.HANDLE,
                    "handle 0x" + Long.toHexString(request.handle()) + " names no transaction");
        }
        RetrieveChecks.Decision decision = RetrieveChecks.decide(choices, context.caller(), record.get(), request);
        if (decision.refusal().isPresent()) {
            return decision.refusal().get().outcome(context);
        }
        return retrieved(context, record.get(), decision, mailbox.get());
    }

    private static Optional<Refusal> buffers(MemoryChoices choices, Optional<Mailbox> mailbox, long total,
            long fragment, SpecVersion version) {
        if (mailbox.isEmpty()) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, RetrieveRules.RX_BUFFER, "no RX/TX buffers are mapped");
        }
        if (mailbox.get().rxFull()) {
            return Refusal.of(choices.rxBusyError(), RetrieveRules.RX_BUFFER, "the RX buffer is full");
        }
        if (fragment != total || total < DescriptorLayout.forCaller(version).headerSize()
                || total > mailbox.get().sizeBytes()) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, RetrieveRules.FRAGMENTED_REQUEST,
                    "a request of " + fragment + " of " + total + " bytes");
        }
        return Optional.empty();
    }

    private static FfaOutcome retrieved(FfaContext context, TransactionRecord record, RetrieveChecks.Decision decision,
            Mailbox mailbox) {
        EndpointId caller = context.caller();
        RetrieveResponseBuilder.Response response = RetrieveResponseBuilder.build(context.profile().memory(), record,
                caller, context.callerVersion(), decision.granted(), mailbox.sizeBytes());
        int first = response.fragmentEnds().get(0);
        boolean whole = first == response.bytes().length;
        RetrieveResponse written = new RetrieveResponse(whole ? response.bytes()
                : java.util.Arrays.copyOf(response.bytes(), first), response.bytes().length, response.expected());
        TransactionRecord updated = record.withBorrower(record.borrower(caller).orElseThrow().retrieved(decision.granted()));
        MemoryState memory = AccessTransitions.afterRetrieve(context.state().memory(), updated, caller,
                PermissionResolution.pageAccess(decision.granted()));
        boolean donated = record.type() == TransactionType.DONATE;
        memory = memory.withTransaction(record.handle(), donated ? null : updated);
        // One fragment: the response is complete once delivered, and nothing stays in flight.
        memory = memory.withResponse(caller, response.fragmentEnds().size() == 1 ? null
                : new ResponseInFlight(record.handle(), response.bytes(), response.fragmentEnds(), 1));
        EndpointState callerState = context.callerState();
        FfaState next = context.state().withMemory(memory)
                .withEndpoint(caller, callerState.withMailbox(Optional.of(mailbox.deliver(written))));
        FfaResults results = context.results()
                .function(FfaFunction.FFA_MEM_RETRIEVE_RESP.id(), RetrieveRules.RESPONSE)
                .value32(1, response.bytes().length, RetrieveRules.RESPONSE)
                .value32(2, first, RetrieveRules.RESPONSE);
        List<MemoryEffect> effects = decision.zeroed()
                ? AccessTransitions.zeroed(record.region(), MemoryRules.ZERO_BEFORE_RETRIEVE) : List.of();
        Supplier<String> summary = () -> "FFA_MEM_RETRIEVE_REQ: " + caller + " retrieves handle 0x" + Long.toHexString(record.handle())
                + " with " + decision.granted() + " (" + PermissionResolution.pageAccess(decision.granted()) + ")";
        return FfaOutcome.Predicted.of(new FfaPrediction(results.build(summary), Optional.of(written), List.of(), effects,
                StateAfter.fixed(next)));
    }

    /**
     * The normal world at the SPMC's interface retrieves only with the hypervisor retrieve request,
     * which names no receivers (DEN0077A v1.2, "Hypervisor retrieve request"), and that stays outside
     * the model; a whole, well-formed request that names receivers, none of them the caller, is a
     * retrieve by an endpoint that is not a receiver. TF-A's EL3 SPMC refuses every normal-world
     * request with endpoint descriptors (spmc_shared_mem.c, the emad_count check).
     */
    private static FfaOutcome fromNormalWorld(FfaContext context, MemoryChoices choices) {
        FfaCall call = context.call();
        long total = call.w(1) & 0xFFFF_FFFFL;
        boolean whole = context.callerState().mailbox().isPresent() && total > 0
                && total == (call.w(2) & 0xFFFF_FFFFL) && call.txLength() >= total;
        if (whole) {
            TolerantDecoder.Reading reading = TolerantDecoder.read(call.tx(), (int) total, context.callerVersion(),
                    choices.toleratedRequestFaults());
            if (reading.beyondModel().isEmpty() && reading.decoded() instanceof Decoded.Valid<MemoryTransaction> valid
                    && !valid.value().receivers().isEmpty() && valid.value().receivers().stream()
                            .noneMatch(access -> access.receiver().equals(context.caller()))) {
                return context.error(FfaError.INVALID_PARAMETERS, RetrieveRules.CALLER, context.caller()
                        + " is not a receiver the request names; the normal world retrieves only with the"
                        + " hypervisor retrieve request");
            }
        }
        return context.unmodelled("a retrieve request from the normal world (retrieval by the hypervisor)");
    }
}
