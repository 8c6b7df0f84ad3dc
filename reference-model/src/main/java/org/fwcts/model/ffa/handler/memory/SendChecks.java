package org.fwcts.model.ffa.handler.memory;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.DescriptorRules;
import org.fwcts.model.ffa.memory.EndpointAccess;
import org.fwcts.model.ffa.memory.InstructionAccess;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.SendRules;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.memory.TransactionType;

/**
 * The checks of a DONATE/LEND/SHARE descriptor that depend on the operation and the deployment but
 * not on memory state (ffa-memory.md §2-§4, §6): sender, NS bit, flags, receivers and the sender's
 * permissions, each with the error the profile gives.
 */
final class SendChecks {
    private static final int NS_BIT = 1 << 6;
    private static final int SECURITY_FIELD = 0b11 << 6;
    private static final int ZERO_MEMORY = 1;

    private SendChecks() {
    }

    /**
     * Whether {@code caller} may act for {@code endpoint}: itself, or any normal-world ID when the
     * caller is in the normal world, where the SPMC cannot tell VMs apart.
     */
    static boolean actsFor(EndpointId caller, EndpointId endpoint) {
        return caller.equals(endpoint) || !caller.isSecure() && !endpoint.isSecure();
    }

    /** The header checks an SPMC makes on the first fragment: sender, NS bit and flags. */
    static Optional<Refusal> header(MemoryChoices choices, EndpointId caller, TransactionType type, EndpointId sender,
            int attributes, int flags) {
        if (choices.senderMustActForCaller() && !actsFor(caller, sender)) {
            return Refusal.of(FfaError.DENIED, SendRules.SENDER, "the descriptor's sender " + sender
                    + " is not the caller " + caller);
        }
        if ((attributes & securityBits(choices)) != 0) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.NS_BIT,
                    "attributes 0x" + Integer.toHexString(attributes) + " state a security state");
        }
        return flags(choices.sendFlags(), type, flags);
    }

    /** The attribute bits that state a security state: the NS bit, or the whole two-bit field. */
    static int securityBits(MemoryChoices choices) {
        return choices.twoBitSecurityField() ? SECURITY_FIELD : NS_BIT;
    }

    private static Optional<Refusal> flags(MemoryChoices.SendFlags policy, TransactionType type, int flags) {
        boolean refused;
        switch (policy) {
            case TYPE_ONLY:
                refused = flags != 0 && flags != TransactionFlags.of(type).raw();
                break;
            case ZERO_MEMORY_ONLY:
                refused = (flags & ~ZERO_MEMORY) != 0 || type == TransactionType.SHARE && (flags & ZERO_MEMORY) != 0;
                break;
            default:
                refused = (flags & ~0xFF) != 0;
                break;
        }
        return refused ? Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.FLAGS,
                "flags 0x" + Integer.toHexString(flags) + " are not accepted on " + type) : Optional.empty();
    }

    /** Every check of a complete, well-formed descriptor that does not look at memory state. */
    static Optional<Refusal> descriptor(MemoryChoices choices, Topology topology, EndpointId caller,
            TransactionType type, MemoryTransaction sent) {
        Optional<Refusal> refusal = header(choices, caller, type, sent.sender(), sent.attributes().raw(),
                sent.flags().raw());
        if (refusal.isEmpty()) {
            refusal = count(choices, type, sent.receivers().size());
        }
        if (refusal.isEmpty()) {
            refusal = ReceiverChecks.check(choices.receivers(), topology, caller, type, sent);
        }
        if (refusal.isEmpty() && choices.checksSenderAccess()) {
            refusal = senderAccess(type, sent);
        }
        if (refusal.isEmpty() && sent.region().isEmpty()) {
            refusal = Refusal.of(FfaError.INVALID_PARAMETERS, DescriptorRules.COMPOSITE_OFFSET_PLACEMENT,
                    "a send without a composite memory region descriptor (composite offset 0)");
        }
        return refusal;
    }

    private static Optional<Refusal> count(MemoryChoices choices, TransactionType type, int receivers) {
        if (receivers > choices.maxBorrowers()) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.RECEIVER_COUNT,
                    receivers + " borrowers, at most " + choices.maxBorrowers() + " supported");
        }
        if (type == TransactionType.DONATE && receivers != 1) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.RECEIVER_COUNT,
                    "a DONATE names " + receivers + " borrowers, not one");
        }
        return Optional.empty();
    }

    /** §4 for the sender, and the attribute rules, as Hafnium's ffa_memory_send_validate applies them. */
    private static Optional<Refusal> senderAccess(TransactionType type, MemoryTransaction sent) {
        for (EndpointAccess receiver : sent.receivers()) {
            AccessPermissions permissions = receiver.permissions();
            if (permissions.hasReservedValue()) {
                return Refusal.of(FfaError.INVALID_PARAMETERS, DescriptorRules.PERMISSIONS_RESERVED,
                        "permissions " + permissions + " for " + receiver.receiver() + " use a reserved value");
            }
            if (permissions.instruction() != InstructionAccess.NOT_SPECIFIED) {
                return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.INSTRUCTION_ACCESS,
                        "the sender gave " + receiver.receiver() + " instruction access " + permissions.instruction());
            }
            boolean stated = permissions.data() != DataAccess.NOT_SPECIFIED;
            if (stated == (type == TransactionType.DONATE)) {
                return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.DATA_ACCESS,
                        type + " with data access " + permissions.data() + " for " + receiver.receiver());
            }
        }
        MemoryAttributes attributes = sent.attributes();
        boolean borrowerChooses = type == TransactionType.DONATE
                || type == TransactionType.LEND && sent.receivers().size() == 1;
        if (borrowerChooses) {
            return attributes.type() == MemoryAttributes.MemoryType.NOT_SPECIFIED ? Optional.empty()
                    : Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.MEMORY_TYPE,
                            "memory type " + attributes.type() + " stated on a " + type + " to one borrower");
        }
        return mappable(attributes) ? Optional.empty() : Refusal.of(FfaError.DENIED, SendRules.ATTRIBUTES,
                "attributes " + attributes + " are not supported");
    }

    /**
     * Attributes Hafnium maps (ffa_memory_attributes_validate): inner shareable, and Normal only
     * write-back, Device only nGnRnE. An unspecified type passes when inner shareable (a quirk).
     */
    static boolean mappable(MemoryAttributes attributes) {
        return attributes.shareability() == MemoryAttributes.Shareability.INNER
                && (attributes.type() != MemoryAttributes.MemoryType.NORMAL
                        || attributes.cacheability() == MemoryAttributes.Cacheability.WRITE_BACK)
                && (attributes.type() != MemoryAttributes.MemoryType.DEVICE
                        || attributes.deviceOrdering() == MemoryAttributes.DeviceOrdering.NGNRNE);
    }
}
