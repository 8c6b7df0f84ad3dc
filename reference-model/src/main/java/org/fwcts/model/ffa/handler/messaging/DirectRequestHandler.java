package org.fwcts.model.ffa.handler.messaging;

import static org.fwcts.model.ffa.messaging.ArgumentRegisters.FRAMEWORK_BIT;

import java.util.Optional;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.messaging.ArgumentRegisters;
import org.fwcts.model.ffa.messaging.CpuCycleRules;
import org.fwcts.model.ffa.messaging.DirectMessagingRules;
import org.fwcts.model.ffa.messaging.ExecutionContext;
import org.fwcts.model.ffa.messaging.MessagingChoices;
import org.fwcts.model.ffa.messaging.MessagingState;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.Uuid;
import org.fwcts.model.ffa.messaging.ExecutionContext.RequestKind;

/**
 * FFA_MSG_SEND_DIRECT_REQ (SMC32 and SMC64) and FFA_MSG_SEND_DIRECT_REQ2 (DEN0077A, "Direct
 * messaging"; ffa-abi.md §8).
 *
 * <p>Checks run in the order TF-A's SPMD and SPMCs run them, whose errors rank NOT_SUPPORTED,
 * INVALID_PARAMETERS, DENIED, BUSY: version, w2, sender, receiver, UUID, properties, run state.
 */
final class DirectRequestHandler implements FfaHandler {

    @Override
    public FfaOutcome handle(FfaContext context) {
        boolean req2 = FfaFunction.of(context.functionId()).orElseThrow() == FfaFunction.FFA_MSG_SEND_DIRECT_REQ2;
        MessagingChoices choices = context.profile().messaging();
        EndpointId caller = context.caller();
        boolean fromPartition = caller.isSecure();
        if (req2 && !context.callerVersion().atLeast(1, 2)) {
            return context.error(fromPartition ? choices.req2OldPartitionError() : FfaError.NOT_SUPPORTED,
                    DirectMessagingRules.REQ2_VERSION, "DIRECT_REQ2 from a v" + context.callerVersion() + " caller");
        }
        if (!req2) {
            long flags = ArgumentRegisters.argument(context.call(), 2);
            if ((flags & FRAMEWORK_BIT) != 0) {
                return context.unmodelled("framework message 0x" + Long.toHexString(flags) + " ["
                        + DirectMessagingRules.FRAMEWORK.id() + "]");
            }
            if (flags != 0 && choices.partitionMessageFlagsError().isPresent()) {
                return context.error(choices.partitionMessageFlagsError().get(), DirectMessagingRules.REQ_FLAGS,
                        "w2 of a partition message is 0x" + Long.toHexString(flags));
            }
        }
        EndpointId sender = ArgumentRegisters.high(context.call());
        EndpointId receiver = ArgumentRegisters.low(context.call());
        if (fromPartition ? !sender.equals(caller) : sender.isSecure()) {
            return invalid(context, DirectMessagingRules.REQ_SENDER, caller + " sends as " + sender);
        }
        if (fromPartition && !receiver.isSecure()) {
            return context.error(choices.partitionToNormalWorldError(), DirectMessagingRules.REQ_TO_NORMAL_WORLD,
                    "partition " + caller + " sends a direct request to normal-world " + receiver);
        }
        if (fromPartition && choices.partitionToPartitionError().isPresent()) {
            return context.error(choices.partitionToPartitionError().get(), DirectMessagingRules.REQ_BETWEEN_PARTITIONS,
                    "partition " + caller + " sends a direct request to partition " + receiver);
        }
        Optional<Partition> target = context.topology().partition(receiver);
        if (target.isEmpty() || receiver.equals(sender)) {
            return invalid(context, DirectMessagingRules.REQ_RECEIVER, receiver + " is not a partition that "
                    + sender + " can message");
        }
        if (req2) {
            Uuid uuid = Uuid.fromRegisterPair(context.call().x(2), context.call().x(3));
            if (!uuid.isNil() && !target.get().serves(uuid) && choices.req2UnknownUuidError().isPresent()) {
                return context.error(choices.req2UnknownUuidError().get(), DirectMessagingRules.REQ2_UUID,
                        receiver + " does not serve " + uuid);
            }
        }
        Optional<FfaOutcome> refused = unsupported(context, req2, target.get());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!context.state().messaging().context(receiver).isWaiting()) {
            return context.error(FfaError.BUSY, DirectMessagingRules.REQ_BUSY, receiver + " is not waiting");
        }
        return forward(context, req2, sender, target.get());
    }

    /** Properties and versions: what the sender may send and the receiver take (DENIED, or the profile's error). */
    private static Optional<FfaOutcome> unsupported(FfaContext context, boolean req2, Partition target) {
        MessagingChoices choices = context.profile().messaging();
        EndpointId caller = context.caller();
        if (caller.isSecure()) {
            Optional<Partition> self = context.topology().partition(caller);
            if (self.isEmpty()) {
                return Optional.of(context.unmodelled(caller + " is not a partition of the topology"));
            }
            if (!self.get().has(req2 ? Partition.SENDS_DIRECT_REQ2 : Partition.SENDS_DIRECT_REQ)) {
                return Optional.of(context.error(FfaError.DENIED, DirectMessagingRules.REQ_NOT_SENDER,
                        caller + " does not declare sending this kind of direct request"));
            }
        }
        if (req2 && choices.req2ChecksReceiverVersion() && !target.ffaVersion().atLeast(1, 2)) {
            return Optional.of(context.error(FfaError.DENIED, DirectMessagingRules.REQ2_RECEIVER_VERSION,
                    target.id() + " is a v" + target.ffaVersion() + " partition"));
        }
        if (!target.has(req2 ? Partition.RECEIVES_DIRECT_REQ2 : Partition.RECEIVES_DIRECT_REQ)) {
            return Optional.of(context.error(choices.nonReceiverError(), DirectMessagingRules.REQ_NOT_RECEIVER,
                    target.id() + " does not accept this kind of direct request"));
        }
        return Optional.empty();
    }

    /** The receiver's context runs the request; a sending partition blocks until the response. */
    private static FfaOutcome forward(FfaContext context, boolean req2, EndpointId sender, Partition target) {
        MessagingState messaging = context.state().messaging();
        if (context.caller().isSecure()) {
            ExecutionContext own = messaging.context(context.caller());
            if (!own.isRunning()) {
                return context.error(FfaError.DENIED, CpuCycleRules.NOT_RUNNING,
                        context.caller() + " is not running, so it cannot send a request");
            }
            messaging = messaging.with(context.caller(), own.awaiting(target.id()));
        }
        RequestKind kind = req2 ? RequestKind.DIRECT_REQ2 : RequestKind.DIRECT_REQ;
        messaging = messaging.with(target.id(), ExecutionContext.handling(kind, sender));
        return new FfaOutcome.Forwarded(context.state().withMessaging(messaging), target.id(),
                receiverSees(context, req2, target).build(ArgumentRegisters.text(target.id())
                        + " receives a direct request from " + ArgumentRegisters.text(sender)));
    }

    private static ReceiverView receiverSees(FfaContext context, boolean req2, Partition target) {
        Rule rule = req2 ? DirectMessagingRules.REQ2_FORWARD : DirectMessagingRules.REQ_FORWARD;
        ReceiverView view = ReceiverView.sameFunction(context.call(), rule, DirectMessagingRules.PAYLOAD_UNDEFINED)
                .passed(context.call(), 1, 7, rule);
        // x8–x17 carry payload only in DIRECT_REQ2, and TF-A's SPMD passes them only to a v1.2 receiver.
        return req2 && target.ffaVersion().atLeast(1, 2) ? view.passed(context.call(), 8, 17, rule) : view;
    }

    private static FfaOutcome invalid(FfaContext context, Rule rule, String why) {
        return context.error(FfaError.INVALID_PARAMETERS, rule, why);
    }
}
