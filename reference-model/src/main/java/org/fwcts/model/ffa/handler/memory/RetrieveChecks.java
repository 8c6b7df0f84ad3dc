package org.fwcts.model.ffa.handler.memory;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.Borrower;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.EndpointAccess;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.RetrieveRules;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.model.ffa.memory.TransactionType;

/**
 * The checks of a well-formed retrieve request against the transaction it names (ffa-memory.md §3,
 * §4, §6), and the permissions the retriever gets when they pass.
 */
final class RetrieveChecks {
    private static final int HINT_BITS = 0x3E0;
    private static final int RESERVED_BITS = ~0x7FF;
    private static final int ZERO_FLAGS = 0b101;

    /**
     * The outcome: a refusal, or the permissions granted and whether the retriever finds the memory zeroed.
     */
    record Decision(Optional<Refusal> refusal, AccessPermissions granted, boolean zeroed) {
        static Decision refused(Optional<Refusal> refusal) {
            return new Decision(refusal, AccessPermissions.NOT_SPECIFIED, false);
        }
    }

    private RetrieveChecks() {
    }

    static Decision decide(MemoryChoices choices, EndpointId caller, TransactionRecord record, MemoryTransaction request) {
        Optional<Refusal> refusal = header(choices, record, request).or(() -> receivers(choices, caller, record, request));
        if (refusal.isPresent()) {
            return Decision.refused(refusal);
        }
        Borrower borrower = record.borrower(caller).orElseThrow();
        AccessPermissions granted = borrower.sent().permissions();
        if (choices.checksRetrieverPermissions()) {
            PermissionResolution.Resolution resolution = permissions(choices, caller, record, request);
            if (resolution.refusal().isPresent()) {
                return Decision.refused(resolution.refusal());
            }
            granted = resolution.granted().orElseThrow();
            refusal = zeroing(granted, request).or(() -> attributes(request));
        }
        if (refusal.isEmpty() && choices.retrieveCounting() == MemoryChoices.RetrieveCounting.ONCE_PER_BORROWER
                && borrower.holds()) {
            refusal = Refusal.of(FfaError.DENIED, RetrieveRules.TWICE, caller + " already holds the memory");
        }
        boolean zeroed = choices.retrieveFlags() == MemoryChoices.RetrieveFlags.FULL && request.flags().zeroMemory();
        return refusal.isPresent() ? Decision.refused(refusal) : new Decision(Optional.empty(), granted, zeroed);
    }

    private static Optional<Refusal> header(MemoryChoices choices, TransactionRecord record, MemoryTransaction request) {
        if (!request.sender().equals(record.sender())) {
            return Refusal.of(choices.retrieveSenderMismatchError(), RetrieveRules.SENDER,
                    "the request names sender " + request.sender() + ", the transaction's is " + record.sender());
        }
        if (request.tag() != record.descriptor().tag()) {
            return invalid(RetrieveRules.TAG, "tag 0x" + Long.toHexString(request.tag()) + ", expected 0x"
                    + Long.toHexString(record.descriptor().tag()));
        }
        if ((request.attributes().raw() & SendChecks.securityBits(choices)) != 0) {
            return invalid(RetrieveRules.NS_BIT, "the request's attributes 0x"
                    + Integer.toHexString(request.attributes().raw()) + " state a security state");
        }
        return flags(choices, record, request.flags());
    }

    private static Optional<Refusal> flags(MemoryChoices choices, TransactionRecord record, TransactionFlags flags) {
        TransactionType asked = flags.transactionType();
        if (flags.raw() != 0 && asked != TransactionType.UNSPECIFIED && asked != record.type()
                || choices.retrieveFlags() == MemoryChoices.RetrieveFlags.TYPE_ONLY && flags.raw() != 0
                        && asked == TransactionType.UNSPECIFIED) {
            return invalid(RetrieveRules.TYPE, "transaction type " + asked + " in the request, it is a " + record.type());
        }
        if (choices.retrieveFlags() == MemoryChoices.RetrieveFlags.TYPE_ONLY) {
            boolean typeOnly = flags.raw() == 0 || flags.raw() == TransactionFlags.of(record.type()).raw()
                    && record.type() != TransactionType.DONATE;
            return typeOnly ? Optional.empty() : invalid(RetrieveRules.FLAGS,
                    "flags 0x" + Integer.toHexString(flags.raw()) + ": only the SHARE or LEND type is supported");
        }
        if ((flags.raw() & (HINT_BITS | RESERVED_BITS)) != 0 || flags.hintValid()) {
            return invalid(RetrieveRules.FLAGS, "flags 0x" + Integer.toHexString(flags.raw()));
        }
        if (record.type() == TransactionType.SHARE && (flags.raw() & ZERO_FLAGS) != 0) {
            return invalid(RetrieveRules.FLAGS, "zeroing asked for shared memory");
        }
        if (flags.zeroMemory() && !record.descriptor().flags().zeroMemory()) {
            return Refusal.of(FfaError.DENIED, RetrieveRules.ZERO_NOT_OFFERED, "the sender did not ask for zeroing");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> receivers(MemoryChoices choices, EndpointId caller, TransactionRecord record,
            MemoryTransaction request) {
        if (record.borrower(caller).isEmpty()) {
            return invalid(RetrieveRules.CALLER, caller + " is not a receiver of the transaction");
        }
        int count = request.receivers().size();
        if (bypass(choices, request) ? count != 1 || record.borrowers().size() == 1 : count != record.borrowers().size()) {
            return invalid(RetrieveRules.RECEIVERS, count + " receivers in the request, " + record.borrowers().size()
                    + " in the transaction");
        }
        for (EndpointAccess asked : request.receivers()) {
            if (record.borrower(asked.receiver()).isEmpty()) {
                return Refusal.of(choices.checksRetrieverPermissions() ? FfaError.DENIED : FfaError.INVALID_PARAMETERS,
                        RetrieveRules.RECEIVERS, asked.receiver() + " is not a receiver of the transaction");
            }
        }
        if (choices.checksRetrieverPermissions() && request.region().isPresent()) {
            return invalid(RetrieveRules.ADDRESS_RANGES, "the request names address ranges");
        }
        if (choices.checksRetrieverPermissions() && request.receiver(caller).isEmpty()) {
            return invalid(RetrieveRules.RECEIVERS, "the request has no EMAD for the caller " + caller);
        }
        return Optional.empty();
    }

    /** Resolves every EMAD of the request, the caller's last; the caller's grant is the result. */
    private static PermissionResolution.Resolution permissions(MemoryChoices choices, EndpointId caller,
            TransactionRecord record, MemoryTransaction request) {
        boolean multiple = record.borrowers().size() > 1;
        boolean normalWorld = !record.sender().isSecure();
        PermissionResolution.Resolution mine = null;
        for (EndpointAccess asked : request.receivers()) {
            EndpointAccess sent = record.borrower(asked.receiver()).orElseThrow().sent();
            PermissionResolution.Resolution resolution = PermissionResolution.resolve(record.type(), multiple,
                    sent.permissions(), asked.permissions(), normalWorld, choices.executeOnNormalWorldMemory());
            if (resolution.refusal().isPresent()) {
                return resolution;
            }
            if (record.descriptor().layout().hasImpdef() && request.layout().hasImpdef()
                    && !sent.impdef().equals(asked.impdef())) {
                return PermissionResolution.Resolution.refused(new Refusal(FfaError.INVALID_PARAMETERS,
                        RetrieveRules.IMPDEF, "the impdef value for " + asked.receiver() + " differs from the sender's"));
            }
            if (asked.receiver().equals(caller)) {
                mine = resolution;
            }
        }
        return mine;
    }

    private static Optional<Refusal> zeroing(AccessPermissions granted, MemoryTransaction request) {
        if (granted.data() == DataAccess.RO && (request.flags().raw() & ZERO_FLAGS) != 0) {
            return Refusal.of(FfaError.DENIED, RetrieveRules.ZERO_NOT_OFFERED, "zeroing asked for read-only memory");
        }
        return Optional.empty();
    }

    /** Stated attributes must be ones the SPMC maps: Normal write-back or Device nGnRnE, inner shareable. */
    private static Optional<Refusal> attributes(MemoryTransaction request) {
        MemoryAttributes attributes = request.attributes();
        if (attributes.type() == MemoryAttributes.MemoryType.NOT_SPECIFIED) {
            return Optional.empty();
        }
        return SendChecks.mappable(attributes) ? Optional.empty() : Refusal.of(FfaError.DENIED, RetrieveRules.ATTRIBUTES,
                "attributes " + attributes + " are not supported");
    }

    private static boolean bypass(MemoryChoices choices, MemoryTransaction request) {
        return choices.retrieveFlags() == MemoryChoices.RetrieveFlags.FULL && request.flags().bypassMultiBorrowerCheck();
    }

    private static Optional<Refusal> invalid(org.fwcts.model.Rule rule, String why) {
        return Refusal.of(FfaError.INVALID_PARAMETERS, rule, why);
    }
}
