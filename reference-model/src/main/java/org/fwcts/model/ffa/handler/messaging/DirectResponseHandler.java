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
import org.fwcts.model.ffa.messaging.ExecutionContext.RequestKind;
import org.fwcts.model.ffa.messaging.ExecutionContext.RuntimeModel;
import org.fwcts.model.ffa.messaging.MessagingChoices.Resp2Reserved;
import org.fwcts.model.ffa.messaging.MessagingChoices.ResponseDestination;

/**
 * FFA_MSG_SEND_DIRECT_RESP (SMC32 and SMC64) and FFA_MSG_SEND_DIRECT_RESP2 from a partition
 * answering a direct request (DEN0077A, "Direct messaging"; TF-A {@code direct_resp_smc_handler},
 * Hafnium {@code api_ffa_msg_send_direct_resp}).
 */
final class DirectResponseHandler implements FfaHandler {

    @Override
    public FfaOutcome handle(FfaContext context) {
        boolean resp2 = FfaFunction.of(context.functionId()).orElseThrow() == FfaFunction.FFA_MSG_SEND_DIRECT_RESP2;
        MessagingChoices choices = context.profile().messaging();
        EndpointId caller = context.caller();
        if (!caller.isSecure()) {
            return context.error(choices.normalWorldResponseError(), DirectMessagingRules.RESP_FROM_NORMAL_WORLD,
                    "the normal world sent a direct response");
        }
        Optional<FfaOutcome> badArguments = badArguments(context, resp2);
        if (badArguments.isPresent()) {
            return badArguments.get();
        }
        EndpointId sender = ArgumentRegisters.high(context.call());
        EndpointId destination = ArgumentRegisters.low(context.call());
        if (!sender.equals(caller)) {
            return invalid(context, DirectMessagingRules.RESP_SENDER, caller + " responds as " + sender);
        }
        Optional<Partition> self = context.topology().partition(caller);
        if (self.isEmpty()) {
            return context.unmodelled(caller + " is not a partition of the topology");
        }
        boolean refusedFirst = choices.responseDestination() == ResponseDestination.KNOWN_ENDPOINT_FIRST
                ? !known(context, destination) : destination.equals(caller);
        if (refusedFirst) {
            return invalid(context, DirectMessagingRules.RESP_DESTINATION, caller + " responds to " + destination);
        }
        ExecutionContext own = context.state().messaging().context(caller);
        if (!own.isRunning() || own.model() != RuntimeModel.DIRECT_REQUEST) {
            return denied(context, DirectMessagingRules.RESP_NO_REQUEST, caller + " is not handling a direct request");
        }
        if (own.request().orElseThrow() != (resp2 ? RequestKind.DIRECT_REQ2 : RequestKind.DIRECT_REQ)) {
            return denied(context, DirectMessagingRules.RESP_KIND, caller + " answers " + own.request().get()
                    + " with the other kind of response");
        }
        if (!own.origin().orElseThrow().equals(destination)) {
            return denied(context, DirectMessagingRules.RESP_DESTINATION, caller + " responds to " + destination
                    + " but the request came from " + own.origin().get());
        }
        return forward(context, resp2, self.get(), destination);
    }

    /** w2 (x2/x3 for RESP2), x8–x17 of a v1.2 responder: INVALID_PARAMETERS, or a framework message. */
    private static Optional<FfaOutcome> badArguments(FfaContext context, boolean resp2) {
        MessagingChoices choices = context.profile().messaging();
        long flags = ArgumentRegisters.argument(context.call(), 2);
        boolean flagsChecked = resp2 ? choices.resp2Reserved() == Resp2Reserved.X2_CHECKED
                : choices.partitionMessageFlagsError().isPresent();
        if (flagsChecked && (flags & FRAMEWORK_BIT) != 0) {
            return Optional.of(context.unmodelled("framework message response 0x" + Long.toHexString(flags) + " ["
                    + DirectMessagingRules.FRAMEWORK.id() + "]"));
        }
        if (flagsChecked && flags != 0) {
            return Optional.of(context.error(resp2 ? FfaError.INVALID_PARAMETERS
                    : choices.partitionMessageFlagsError().get(), DirectMessagingRules.RESP_FLAGS,
                    "w2 of a response is 0x" + Long.toHexString(flags)));
        }
        if (!resp2 && choices.rejectsNonZeroReserved() && context.callerVersion().atLeast(1, 2)
                && ArgumentRegisters.extendedNonZero(context.call())) {
            return Optional.of(invalid(context, CpuCycleRules.RESERVED_MBZ, "x8-x17 of a DIRECT_RESP are not zero"));
        }
        return Optional.empty();
    }

    /** The origin gets control back; the responder waits for its next message. */
    private static FfaOutcome forward(FfaContext context, boolean resp2, Partition self, EndpointId origin) {
        MessagingState messaging = context.state().messaging().with(self.id(), ExecutionContext.WAITING);
        if (origin.isSecure()) {
            messaging = messaging.with(origin, messaging.context(origin).in(ExecutionContext.RunState.RUNNING));
        }
        Rule rule = resp2 ? DirectMessagingRules.RESP2_FORWARD : DirectMessagingRules.RESP_FORWARD;
        ReceiverView view = ReceiverView.sameFunction(context.call(), rule, DirectMessagingRules.PAYLOAD_UNDEFINED)
                .passed(context.call(), 1, 7, rule);
        if (resp2) {
            if (context.profile().messaging().resp2Reserved() == Resp2Reserved.CLEARED) {
                view.value(2, 0, rule).value(3, 0, rule);
            }
            // The SPMD passes x8–x17 on only from a v1.2 responder.
            if (self.ffaVersion().atLeast(1, 2)) {
                view.passed(context.call(), 8, 17, rule);
            }
        }
        return new FfaOutcome.Forwarded(context.state().withMessaging(messaging), origin,
                view.build(ArgumentRegisters.text(origin) + " receives the response of "
                        + ArgumentRegisters.text(self.id())));
    }

    /** TF-A accepts responses to the normal world, the SPMC itself, or a partition it knows. */
    private static boolean known(FfaContext context, EndpointId destination) {
        return !destination.isSecure() || destination.equals(context.profile().discovery().spmcId())
                || context.topology().partition(destination).isPresent();
    }

    private static FfaOutcome invalid(FfaContext context, Rule rule, String why) {
        return context.error(FfaError.INVALID_PARAMETERS, rule, why);
    }

    private static FfaOutcome denied(FfaContext context, Rule rule, String why) {
        return context.error(FfaError.DENIED, rule, why);
    }
}
