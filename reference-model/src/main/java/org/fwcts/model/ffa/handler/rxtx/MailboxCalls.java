package org.fwcts.model.ffa.handler.rxtx;

import java.util.Map;
import java.util.Optional;
import org.fwcts.model.ffa.spmc.AbiGroup;
import org.fwcts.model.ffa.EndpointState;
import org.fwcts.model.ffa.rxtx.MailboxRules;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.Mailbox;

/** RX/TX buffer management: map, unmap, release and acquire. */
public final class MailboxCalls implements AbiGroup {
    /** w1[31:16]: the VM a hypervisor acts for; zero from any other caller. */
    private static final int VM_ID_FIELD = 0xFFFF_0000;

    @Override
    public Map<FfaFunction, FfaHandler> handlers() {
        return Map.of(
                FfaFunction.FFA_RXTX_MAP, new RxTxMapHandler(),
                FfaFunction.FFA_RXTX_UNMAP, MailboxCalls::unmap,
                FfaFunction.FFA_RX_RELEASE, MailboxCalls::release,
                FfaFunction.FFA_RX_ACQUIRE, MailboxCalls::acquire);
    }

    private static FfaOutcome unmap(FfaContext context) {
        if ((context.call().w(1) & VM_ID_FIELD) != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, MailboxRules.UNMAP_ID_MBZ, "w1[31:16] is not zero");
        }
        EndpointState caller = context.callerState();
        if (caller.mailbox().isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, MailboxRules.UNMAP, context.caller() + " has no buffers mapped");
        }
        return context.outcome(context.results().success(MailboxRules.UNMAP), "FFA_RXTX_UNMAP removes the buffers",
                context.state().withEndpoint(context.caller(), caller.withMailbox(Optional.empty())));
    }

    private static FfaOutcome release(FfaContext context) {
        EndpointState caller = context.callerState();
        Optional<Mailbox> mailbox = caller.mailbox();
        if (mailbox.isEmpty() || !mailbox.get().rxFull()) {
            return context.error(FfaError.DENIED, MailboxRules.RELEASE, context.caller() + " does not own its RX buffer");
        }
        return context.outcome(context.results().success(MailboxRules.RELEASE), "FFA_RX_RELEASE returns the RX buffer",
                context.state().withEndpoint(context.caller(), caller.withMailbox(Optional.of(mailbox.get().release()))));
    }

    private static FfaOutcome acquire(FfaContext context) {
        EndpointState caller = context.callerState();
        Optional<Mailbox> mailbox = caller.mailbox();
        if (mailbox.isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, MailboxRules.ACQUIRE, "no RX buffer is mapped");
        }
        if (mailbox.get().rxFull()) {
            return context.error(FfaError.DENIED, MailboxRules.ACQUIRE, "the RX buffer is not free");
        }
        Mailbox held = new Mailbox(mailbox.get().txAddress(), mailbox.get().rxAddress(), mailbox.get().pageCount(),
                Mailbox.RxOwner.CONSUMER, Optional.empty());
        return context.outcome(context.results().success(MailboxRules.ACQUIRE), "FFA_RX_ACQUIRE hands over the RX buffer",
                context.state().withEndpoint(context.caller(), caller.withMailbox(Optional.of(held))));
    }
}
