package org.fwcts.model.ffa.handler.memory;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.memory.EndpointAccess;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.SendRules;
import org.fwcts.model.ffa.memory.TransactionType;

/**
 * The checks of a send's receivers under each {@link MemoryChoices.ReceiverPolicy}: who may borrow,
 * from whom, and what an SPMC that is itself the only partition insists on.
 */
final class ReceiverChecks {
    /** OP-TEE's FFA_MEM_ACC_RW: data RW, instruction access not specified. */
    private static final int OWN_PARTITION_ACCESS = 0x02;
    /** OP-TEE's FFA_NORMAL_MEM_REG_ATTR: Normal write-back inner shareable. */
    private static final int OWN_PARTITION_SHARE_ATTRIBUTES = 0x2F;

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
        // A handful of receivers: comparing with the earlier ones beats hashing them.
        for (int i = 0; i < receivers.size(); i++) {
            EndpointId id = receivers.get(i).receiver();
            if (id.isSecure() && topology.partition(id).isEmpty()) {
                return invalid("receiver " + id + " is not a known partition");
            }
            if (id.equals(sender) || id.equals(caller)) {
                return invalid("receiver " + id + " is the sender");
            }
            if (namedBefore(receivers, i, id)) {
                return invalid("receiver " + id + " is named twice");
            }
        }
        return Optional.empty();
    }

    private static boolean namedBefore(List<EndpointAccess> receivers, int index, EndpointId id) {
        for (int j = 0; j < index; j++) {
            if (receivers.get(j).receiver().equals(id)) {
                return true;
            }
        }
        return false;
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
