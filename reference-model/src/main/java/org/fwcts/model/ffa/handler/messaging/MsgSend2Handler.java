package org.fwcts.model.ffa.handler.messaging;

import java.util.Arrays;
import java.util.Optional;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.EndpointState;
import org.fwcts.model.ffa.messaging.ArgumentRegisters;
import org.fwcts.model.ffa.messaging.IndirectMessageHeader;
import org.fwcts.model.ffa.messaging.IndirectMessageLayout;
import org.fwcts.model.ffa.messaging.IndirectMessageRules;
import org.fwcts.model.ffa.messaging.IndirectMessageRx;
import org.fwcts.model.ffa.messaging.MessagingChoices;
import org.fwcts.model.ffa.messaging.MsgSend2Rules;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.Mailbox;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.memory.Decoded;

/**
 * FFA_MSG_SEND2: an indirect message from the sender's TX buffer to the receiver's RX buffer
 * (DEN0077A, "FFA_MSG_SEND2"; Hafnium {@code api_ffa_msg_send2}; ffa-abi.md §9). Checks follow
 * Hafnium's order, except that the header's own structure (offset, size) is checked as soon as it
 * is read rather than after the receiver's buffer.
 */
final class MsgSend2Handler implements FfaHandler {
    /** Header words the sender's SPMC may ignore: flags @0, reserved @4, and from v1.2 reserved @20. */
    private static final int[][] RESERVED_RANGES = {{0, 8}, {20, 24}};

    @Override
    public FfaOutcome handle(FfaContext context) {
        MessagingChoices choices = context.profile().messaging();
        EndpointId caller = context.caller();
        EndpointId named = ArgumentRegisters.high(context.call());
        if (named.value() != 0 && !caller.equals(EndpointId.HYPERVISOR)) {
            return invalid(context, MsgSend2Rules.SENDER_FIELD, caller + " names sender " + named + " in w1");
        }
        EndpointId sender = named.value() != 0 ? named : caller;
        if (context.state().endpoint(sender).mailbox().isEmpty()) {
            return context.error(FfaError.DENIED, MsgSend2Rules.SENDER_BUFFERS, sender + " has no TX buffer mapped");
        }
        Optional<IndirectMessageLayout> layout = IndirectMessageLayout.forCaller(context.callerVersion());
        if (layout.isEmpty()) {
            return context.error(choices.send2OldCallerError(), MsgSend2Rules.OLD_CALLER, "FFA_MSG_SEND2 from v1.0");
        }
        if (context.call().txLength() < layout.get().size()) {
            return context.unmodelled("the call's TX bytes do not cover the " + layout.get().size() + "-byte header");
        }
        Decoded<IndirectMessageHeader> decoded = IndirectMessageHeader.decode(
                headerAsChecked(context, layout.get()), layout.get(), Mailbox.PAGE_SIZE);
        if (decoded instanceof Decoded.Malformed<IndirectMessageHeader> malformed) {
            boolean reserved = malformed.rule().equals(IndirectMessageRules.FLAGS)
                    || malformed.rule().equals(IndirectMessageRules.RESERVED);
            return context.error(reserved ? choices.send2HeaderReservedError().orElseThrow() : malformed.error(),
                    malformed.rule(), "malformed header: " + malformed.describe());
        }
        IndirectMessageHeader header = decoded.orElseThrow();
        Optional<FfaOutcome> refused = refused(context, sender, header);
        if (refused.isPresent()) {
            return refused.get();
        }
        return deliver(context, header, layout.get());
    }

    /** Sender and receiver fields, flags, both endpoints' support, the receiver's buffer. */
    private static Optional<FfaOutcome> refused(FfaContext context, EndpointId sender, IndirectMessageHeader header) {
        EndpointId receiver = header.receiver();
        if (!header.sender().equals(sender) || receiver.equals(sender)) {
            return Optional.of(invalid(context, MsgSend2Rules.SENDER_FIELD, "header says " + header.sender() + " -> "
                    + receiver + " for a message from " + sender));
        }
        if (!sender.isSecure() && context.call().w(2) != 0) {
            return Optional.of(invalid(context, MsgSend2Rules.FLAGS, "a normal-world sender passed flags in w2"));
        }
        if (!context.topology().knows(receiver)) {
            return Optional.of(invalid(context, MsgSend2Rules.RECEIVER, receiver + " is not an endpoint"));
        }
        SpecVersion senderVersion = sender.equals(context.caller()) ? context.callerVersion()
                : versionOf(context, sender);
        if (!indirectMessaging(context, sender, senderVersion)
                || !indirectMessaging(context, receiver, versionOf(context, receiver))) {
            return Optional.of(context.error(FfaError.DENIED, MsgSend2Rules.NOT_SUPPORTED_BY_ENDPOINT,
                    sender + " or " + receiver + " does not do indirect messaging"));
        }
        Optional<Mailbox> rx = context.state().endpoint(receiver).mailbox();
        if (rx.isEmpty() || rx.get().rxFull()) {
            return Optional.of(context.error(FfaError.BUSY, MsgSend2Rules.RECEIVER_BUSY,
                    receiver + "'s RX buffer is " + (rx.isEmpty() ? "not mapped" : "full")));
        }
        return Optional.empty();
    }

    private static FfaOutcome deliver(FfaContext context, IndirectMessageHeader header, IndirectMessageLayout layout) {
        EndpointId receiver = header.receiver();
        byte[] tx = context.call().tx();
        int end = (int) (header.payloadOffset() + header.payloadSize());
        IndirectMessageRx message = new IndirectMessageRx(header, layout, Arrays.copyOf(tx, Math.min(tx.length, end)));
        EndpointState state = context.state().endpoint(receiver);
        Mailbox full = state.mailbox().orElseThrow().deliver(message);
        return context.outcome(context.results().success(MsgSend2Rules.DELIVERED),
                "FFA_MSG_SEND2 delivers an " + message.describe(),
                context.state().withEndpoint(receiver, state.withMailbox(Optional.of(full))));
    }

    /** The header bytes as the SPMC checks them: reserved words cleared where it ignores them. */
    private static byte[] headerAsChecked(FfaContext context, IndirectMessageLayout layout) {
        byte[] header = Arrays.copyOf(context.call().tx(), layout.size());
        if (context.profile().messaging().send2HeaderReservedError().isEmpty()) {
            for (int[] range : RESERVED_RANGES) {
                Arrays.fill(header, Math.min(range[0], header.length), Math.min(range[1], header.length), (byte) 0);
            }
        }
        return header;
    }

    /** v1.1 or later, and a partition must declare indirect messaging (Hafnium ffa_indirect_msg_is_supported). */
    private static boolean indirectMessaging(FfaContext context, EndpointId endpoint, SpecVersion version) {
        Optional<Partition> partition = context.topology().partition(endpoint);
        return version.atLeast(1, 1) && (partition.isEmpty() || partition.get().has(Partition.INDIRECT_MESSAGES));
    }

    /** A partition's version is its manifest's; a normal-world endpoint's the one it negotiated. */
    private static SpecVersion versionOf(FfaContext context, EndpointId endpoint) {
        Optional<Partition> partition = context.topology().partition(endpoint);
        if (partition.isPresent()) {
            return partition.get().ffaVersion();
        }
        return context.state().endpoint(endpoint).version().agreed()
                .orElse(context.profile().versionPolicy().assumedCallerVersion());
    }

    private static FfaOutcome invalid(FfaContext context, org.fwcts.model.Rule rule, String why) {
        return context.error(FfaError.INVALID_PARAMETERS, rule, why);
    }
}
