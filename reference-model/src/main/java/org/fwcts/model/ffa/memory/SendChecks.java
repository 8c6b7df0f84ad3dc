package org.fwcts.model.ffa.memory;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.Topology;

/**
 * The checks of a DONATE/LEND/SHARE descriptor that depend on the operation and the deployment but
 * not on memory state (ffa-memory.md §2-§4, §6): sender, NS bit, flags, receivers and the sender's
 * permissions, each with the error the profile gives.
 */
final class SendChecks {
    private static final int NS_BIT = 1 << 6;
    /** Hafnium reads bits [7:6] as a two-bit security field, so bit 7 counts as "security stated" too. */
    private static final int SECURITY_FIELD = 0b11 << 6;
    private static final int ZERO_MEMORY = 1;
    private static final int OWN_PARTITION_ACCESS = 0x02;
    private static final int OWN_PARTITION_SHARE_ATTRIBUTES = 0x2F;

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
        int security = choices.checksSenderAccess() ? SECURITY_FIELD : NS_BIT;
        if ((attributes & security) != 0) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.NS_BIT,
                    "attributes 0x" + Integer.toHexString(attributes) + " state a security state");
        }
        return flags(choices.sendFlags(), type, flags);
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
        boolean supported = attributes.shareability() == MemoryAttributes.Shareability.INNER
                && (attributes.type() != MemoryAttributes.MemoryType.NORMAL
                        || attributes.cacheability() == MemoryAttributes.Cacheability.WRITE_BACK)
                && (attributes.type() != MemoryAttributes.MemoryType.DEVICE
                        || attributes.deviceOrdering() == MemoryAttributes.DeviceOrdering.NGNRNE);
        return supported ? Optional.empty() : Refusal.of(FfaError.DENIED, SendRules.ATTRIBUTES,
                "attributes " + attributes + " are not supported");
    }

    /** The receivers checks of each {@link MemoryChoices.ReceiverPolicy}. */
    static final class ReceiverChecks {
        private ReceiverChecks() {
        }

        static Optional<Refusal> check(MemoryChoices.ReceiverPolicy policy, Topology topology, EndpointId caller,
                TransactionType type, MemoryTransaction sent) {
            switch (policy) {
                case OWN_PARTITION_ONLY:
                    return ownPartition(topology, type, sent);
                case HAFNIUM_SPMC:
                    return known(topology, sent.receivers(), sent.sender(), caller).or(() -> world(type, sent));
                default:
                    return known(topology, sent.receivers(), null, null);
            }
        }

        /** Secure receivers known, none the sender or caller (when given), none twice. */
        private static Optional<Refusal> known(Topology topology, List<EndpointAccess> receivers, EndpointId sender,
                EndpointId caller) {
            Set<EndpointId> seen = new HashSet<>();
            for (EndpointAccess access : receivers) {
                EndpointId id = access.receiver();
                if (id.isSecure() && topology.partition(id).isEmpty()) {
                    return invalid("receiver " + id + " is not a known partition");
                }
                if (id.equals(sender) || id.equals(caller)) {
                    return invalid("receiver " + id + " is the sender");
                }
                if (!seen.add(id)) {
                    return invalid("receiver " + id + " is named twice");
                }
            }
            return Optional.empty();
        }

        /** Hafnium's ffa_memory_is_send_valid. */
        private static Optional<Refusal> world(TransactionType type, MemoryTransaction sent) {
            boolean several = sent.receivers().size() > 1;
            for (EndpointAccess access : sent.receivers()) {
                boolean toPartition = access.receiver().isSecure();
                boolean allowed = type == TransactionType.SHARE
                        ? toPartition || !sent.sender().isSecure() && several
                        : toPartition;
                if (!allowed) {
                    return Refusal.of(FfaError.DENIED, SendRules.RECEIVER_WORLD,
                            type + " from " + sent.sender() + " to " + access.receiver() + " is not supported");
                }
            }
            return Optional.empty();
        }

        /** OP-TEE's mem_op_init: its own partition must be a receiver with exactly RW, attributes fixed. */
        private static Optional<Refusal> ownPartition(Topology topology, TransactionType type, MemoryTransaction sent) {
            if (topology.partitions().isEmpty()) {
                return invalid("no partition to receive the memory");
            }
            EndpointId own = topology.partitions().get(0).id();
            Optional<EndpointAccess> mine = sent.receiver(own);
            if (mine.isEmpty() || mine.get().permissions().encode() != OWN_PARTITION_ACCESS) {
                return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.OWN_PARTITION,
                        own + " must be a receiver with access 0x02 (RW, instruction unspecified)");
            }
            int expected = type == TransactionType.SHARE ? OWN_PARTITION_SHARE_ATTRIBUTES : 0;
            if (sent.attributes().raw() != expected) {
                return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.OWN_PARTITION, "attributes "
                        + sent.attributes() + " on a " + type + ", expected 0x" + Integer.toHexString(expected));
            }
            return Optional.empty();
        }

        private static Optional<Refusal> invalid(String why) {
            return Refusal.of(FfaError.INVALID_PARAMETERS, SendRules.RECEIVER_KNOWN, why);
        }
    }
}
