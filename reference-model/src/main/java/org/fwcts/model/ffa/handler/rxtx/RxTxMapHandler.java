package org.fwcts.model.ffa.handler.rxtx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.rxtx.MailboxChoices;
import org.fwcts.model.ffa.rxtx.MailboxRules;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.Mailbox;

/** FFA_RXTX_MAP, SMC32 and SMC64 (DEN0077A, "FFA_RXTX_MAP"). */
final class RxTxMapHandler implements FfaHandler {

    @Override
    public FfaOutcome handle(FfaContext context) {
        MailboxChoices choices = context.profile().mailbox();
        long tx = context.smc64() ? context.call().x(1) : context.call().w(1) & 0xFFFF_FFFFL;
        long rx = context.smc64() ? context.call().x(2) : context.call().w(2) & 0xFFFF_FFFFL;
        int pages = context.call().w(3) & choices.pageCountMask();
        Optional<String> problem = addressProblem(tx, rx, pages, choices.minimumBufferBytes());
        boolean mappedAlready = context.callerState().mailbox().isPresent();
        if (problem.isPresent()) {
            return refused(context, MailboxRules.MAP_ADDRESS, problem.get(), mappedAlready);
        }
        if (pages == 0 || pages > choices.maximumPageCount()) {
            return refused(context, MailboxRules.MAP_PAGE_COUNT,
                    pages + " pages (supported 1.." + choices.maximumPageCount() + ")", mappedAlready);
        }
        if (mappedAlready) {
            return twice(context);
        }
        Mailbox mapped = Mailbox.mapped(tx, rx, pages);
        return context.outcome(context.results().success(MailboxRules.MAP),
                () -> "FFA_RXTX_MAP maps TX 0x" + Long.toHexString(tx) + " and RX 0x" + Long.toHexString(rx) + ", "
                        + pages + " page(s)",
                context.state().withEndpoint(context.caller(), context.callerState().withMailbox(Optional.of(mapped))));
    }

    private static Optional<String> addressProblem(long tx, long rx, int pages, int alignment) {
        if (tx == 0 || rx == 0) {
            return Optional.of("a buffer address is zero");
        }
        if (tx == rx) {
            return Optional.of("TX and RX are the same buffer");
        }
        if (tx % alignment != 0 || rx % alignment != 0) {
            return Optional.of("a buffer is not aligned to " + alignment + " bytes");
        }
        long size = (long) pages * Mailbox.PAGE_SIZE;
        if (pages > 0 && tx < rx + size && rx < tx + size) {
            return Optional.of("TX and RX overlap");
        }
        return Optional.empty();
    }

    private static FfaOutcome twice(FfaContext context) {
        return context.error(FfaError.DENIED, MailboxRules.MAP_TWICE, context.caller() + " already has buffers mapped");
    }

    /**
     * A map refused for its arguments. When the caller has buffers mapped already the call breaks
     * two rules, and the specification orders neither check first: either error is allowed (TF-A's
     * EL3 SPMC checks the mapping before the alignment, which its page-table call checks).
     */
    private static FfaOutcome refused(FfaContext context, Rule rule, String why, boolean mappedAlready) {
        FfaOutcome invalid = invalid(context, rule, why);
        if (!mappedAlready) {
            return invalid;
        }
        List<FfaPrediction> either = new ArrayList<>(((FfaOutcome.Predicted) invalid).alternatives());
        either.addAll(((FfaOutcome.Predicted) twice(context)).alternatives());
        return new FfaOutcome.Predicted(either);
    }

    private static FfaOutcome invalid(FfaContext context, Rule rule, String why) {
        return context.error(FfaError.INVALID_PARAMETERS, rule, "FFA_RXTX_MAP refused: " + why);
    }
}
