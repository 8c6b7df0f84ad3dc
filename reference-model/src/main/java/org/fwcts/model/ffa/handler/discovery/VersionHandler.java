package org.fwcts.model.ffa.handler.discovery;

import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointState;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.FfaRules;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.VersionNegotiation;
import org.fwcts.model.ffa.VersionPolicy;
import org.fwcts.model.Rule;

/** FFA_VERSION: the callee's version, and what it records about the caller's (DEN0077A, "FFA_VERSION"). */
final class VersionHandler implements FfaHandler {
    /** FFA_VERSION answers failure in w0 itself, not with FFA_ERROR. */
    private static final long NOT_SUPPORTED = 0xFFFF_FFFFL;
    private static final int MBZ_BIT = 1 << 31;

    @Override
    public FfaOutcome handle(FfaContext context) {
        int requestedWord = context.call().w(1);
        if ((requestedWord & MBZ_BIT) != 0) {
            return refuse(context, FfaRules.VERSION_MBZ, "bit 31 of the requested version is set");
        }
        SpecVersion requested = SpecVersion.decode(requestedWord);
        SpecVersion own = context.profile().version();
        VersionPolicy policy = context.profile().versionPolicy();
        VersionNegotiation negotiation = context.callerState().version();
        if (negotiation.closed() && policy.afterClose() != VersionPolicy.AfterClose.RENEGOTIATES) {
            return afterClose(context, policy, negotiation, requested, own);
        }
        boolean sameMajor = requested.major() == own.major();
        if (policy.recording() == VersionPolicy.Recording.MINIMUM && sameMajor) {
            SpecVersion recorded = requested.compareTo(own) < 0 ? requested : own;
            return answer(context, own, record(context, negotiation.agree(recorded)), "records " + recorded);
        }
        if (!sameMajor || requested.minor() > own.minor()) {
            if (policy.onIncompatible() == VersionPolicy.OnIncompatible.NOT_SUPPORTED) {
                return refuse(context, FfaRules.VERSION_INCOMPATIBLE, requested + " is incompatible with " + own);
            }
            return answer(context, own, context.state(), requested + " is incompatible: nothing recorded");
        }
        return answer(context, own, record(context, negotiation.agree(requested)), "records " + requested);
    }

    private static FfaOutcome afterClose(FfaContext context, VersionPolicy policy, VersionNegotiation negotiation,
            SpecVersion requested, SpecVersion own) {
        if (policy.afterClose() == VersionPolicy.AfterClose.REPORTS_AGREED) {
            if (negotiation.agreed().isEmpty()) {
                return refuse(context, FfaRules.VERSION_LOCK, "negotiation closed with no version agreed");
            }
            SpecVersion agreed = negotiation.agreed().get();
            return context.outcome(context.results().value(0, agreed.encode(), FfaRules.VERSION_LOCK),
                    "FFA_VERSION reports the agreed " + agreed + " after negotiation closed", context.state());
        }
        SpecVersion standing = negotiation.agreed().orElse(policy.assumedCallerVersion());
        if (!standing.equals(requested)) {
            return refuse(context, FfaRules.VERSION_LOCK, "negotiation closed at " + standing + "; " + requested + " refused");
        }
        return answer(context, own, context.state(), "the standing version " + standing + " is accepted again");
    }

    private static FfaState record(FfaContext context, VersionNegotiation negotiation) {
        EndpointState caller = context.callerState();
        return context.state().withEndpoint(context.caller(), caller.withVersion(negotiation));
    }

    private static FfaOutcome answer(FfaContext context, SpecVersion own, FfaState next, String note) {
        return context.outcome(context.results().value(0, own.encode(), FfaRules.VERSION),
                "FFA_VERSION returns " + own + "; " + note, next);
    }

    private static FfaOutcome refuse(FfaContext context, Rule rule, String why) {
        return context.outcome(context.results().value(0, NOT_SUPPORTED, rule),
                "FFA_VERSION returns NOT_SUPPORTED: " + why, context.state());
    }
}
