package org.fwcts.model.ffa.handler.discovery;

import org.fwcts.model.ffa.discovery.DiscoveryChoices;
import org.fwcts.model.ffa.discovery.DiscoveryRules;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.rxtx.MailboxChoices;
import org.fwcts.model.smccc.FunctionId;

/** FFA_FEATURES for function IDs and feature IDs (DEN0077A, "FFA_FEATURES"). */
final class FeaturesHandler implements FfaHandler {
    private static final int FUNCTION_BIT = 1 << 31;
    /** Feature IDs use bits [7:0]; bits [30:8] must be zero. */
    private static final int FEATURE_ID_RESERVED = 0x7FFF_FF00;
    /** FFA_FEATURES(FFA_MEM_RETRIEVE_REQ) input and output bit 1: NS-bit handling. */
    private static final int RETRIEVE_NS_BIT = 1 << 1;

    @Override
    public FfaOutcome handle(FfaContext context) {
        int queried = context.call().w(1);
        if ((queried & FUNCTION_BIT) == 0) {
            return featureId(context, queried);
        }
        FunctionId function = new FunctionId(queried);
        DiscoveryChoices choices = context.profile().discovery();
        int input = context.call().w(2);
        boolean provided = context.profile().functions().provides(function, context.caller());
        if (isRetrieveRequest(function) && provided) {
            return retrieveRequest(context, choices, input);
        }
        if (input != 0) {
            return context.error(choices.featuresInputNonZero(), DiscoveryRules.FEATURES_INPUT_MBZ,
                    "FFA_FEATURES(" + function + ") with input properties 0x" + Integer.toHexString(input));
        }
        if (!provided) {
            return context.error(FfaError.NOT_SUPPORTED, DiscoveryRules.FEATURES_FUNCTION,
                    function + " is not provided to " + context.caller());
        }
        if (FfaFunction.of(function).orElse(null) == FfaFunction.FFA_RXTX_MAP) {
            return success(context, rxtxMapProperties(context), DiscoveryRules.FEATURES_RXTX_MAP, function);
        }
        return success(context, choices.functionProperties().getOrDefault(function, 0),
                DiscoveryRules.FEATURES_FUNCTION, function);
    }

    private static FfaOutcome featureId(FfaContext context, int queried) {
        Integer value = context.profile().discovery().featureIdsFor(context.caller()).get(queried);
        if ((queried & FEATURE_ID_RESERVED) != 0 || value == null) {
            return context.error(FfaError.NOT_SUPPORTED, DiscoveryRules.FEATURES_FEATURE_ID,
                    "feature ID 0x" + Integer.toHexString(queried) + " is not implemented");
        }
        return context.outcome(context.results().success(DiscoveryRules.FEATURES_FEATURE_ID)
                        .value(2, value & 0xFFFF_FFFFL, DiscoveryRules.FEATURES_FEATURE_ID),
                "feature ID " + queried + " answers " + value, context.state());
    }

    private static FfaOutcome retrieveRequest(FfaContext context, DiscoveryChoices choices, int input) {
        boolean nsBit = (input & RETRIEVE_NS_BIT) != 0;
        int answer = 0;
        switch (choices.retrieveNsBit()) {
            case NORMAL_WORLD_CLEARS_PARTITIONS_SET:
                if (!context.caller().isSecure()) {
                    if (nsBit) {
                        return context.error(FfaError.NOT_SUPPORTED, DiscoveryRules.FEATURES_RETRIEVE_NS,
                                "the normal world may not ask to handle the NS bit");
                    }
                    break;
                }
                if (!nsBit && context.callerVersion().atLeast(1, 1)) {
                    return context.error(FfaError.NOT_SUPPORTED, DiscoveryRules.FEATURES_RETRIEVE_NS,
                            "partitions of v1.1 or later must say they handle the NS bit");
                }
                answer = nsBit ? RETRIEVE_NS_BIT : 0;
                break;
            case V1_1_CALLERS_MUST_SET:
                if (!nsBit && context.callerVersion().atLeast(1, 1)) {
                    return context.error(FfaError.NOT_SUPPORTED, DiscoveryRules.FEATURES_RETRIEVE_NS,
                            "callers of v1.1 or later must say they handle the NS bit");
                }
                answer = RETRIEVE_NS_BIT;
                break;
            default:
                break;
        }
        int properties = choices.functionProperties().getOrDefault(new FunctionId(context.call().w(1)), 0) | answer;
        return success(context, properties, DiscoveryRules.FEATURES_RETRIEVE_NS, new FunctionId(context.call().w(1)));
    }

    private static int rxtxMapProperties(FfaContext context) {
        MailboxChoices mailbox = context.profile().mailbox();
        int properties = mailbox.minimumBufferSize();
        if (mailbox.reportsMaximumPageCount() && context.callerVersion().atLeast(1, 2)) {
            properties |= mailbox.maximumPageCount() << 16;
        }
        return properties;
    }

    private static boolean isRetrieveRequest(FunctionId function) {
        return FfaFunction.of(function).orElse(null) == FfaFunction.FFA_MEM_RETRIEVE_REQ;
    }

    private static FfaOutcome success(FfaContext context, int properties, org.fwcts.model.Rule rule, FunctionId function) {
        return context.outcome(context.results().success(rule).value(2, properties & 0xFFFF_FFFFL, rule),
                "FFA_FEATURES(" + function + ") succeeds with properties 0x" + Integer.toHexString(properties),
                context.state());
    }
}
