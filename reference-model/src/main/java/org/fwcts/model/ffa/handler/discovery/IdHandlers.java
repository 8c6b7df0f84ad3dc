package org.fwcts.model.ffa.handler.discovery;

import org.fwcts.model.ffa.discovery.DiscoveryRules;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.spmc.FfaOutcome;

/** FFA_ID_GET and FFA_SPM_ID_GET (DEN0077A, "FFA_ID_GET", "FFA_SPM_ID_GET"). */
final class IdHandlers {

    private IdHandlers() {
    }

    static FfaOutcome idGet(FfaContext context) {
        return context.outcome(context.results().success(DiscoveryRules.ID_GET)
                        .value(2, context.caller().value(), DiscoveryRules.ID_GET),
                "FFA_ID_GET returns the caller's ID " + context.caller(), context.state());
    }

    static FfaOutcome spmIdGet(FfaContext context) {
        int spmc = context.profile().discovery().spmcId().value();
        return context.outcome(context.results().success(DiscoveryRules.SPM_ID_GET)
                        .value(2, spmc, DiscoveryRules.SPM_ID_GET),
                "FFA_SPM_ID_GET returns the SPMC ID " + context.profile().discovery().spmcId(), context.state());
    }
}
