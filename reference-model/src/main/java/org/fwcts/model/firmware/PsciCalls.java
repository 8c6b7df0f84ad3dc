package org.fwcts.model.firmware;

import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.psci.PsciFunction;
import org.fwcts.model.psci.PsciRules;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.OwningEntity;

/**
 * PSCI discovery: PSCI_VERSION and PSCI_FEATURES, and NOT_SUPPORTED for functions the profile
 * lacks. Power-state functions that a profile does implement are not modelled yet.
 */
public final class PsciCalls implements CallFamily {

    @Override
    public boolean claims(FunctionId id) {
        return id.isFast() && id.owner() == OwningEntity.STANDARD_SECURE_SERVICE
                && id.number() <= PsciFunction.LAST_RESERVED_NUMBER;
    }

    @Override
    public FamilyOutcome step(ModelState state, Registers call, Profile profile) {
        FunctionId id = FunctionId.fromRegister(call.x(0));
        ResultRegisters results = ResultRegisters.forCall(profile, call);
        Optional<PsciFunction> function = PsciFunction.of(id);
        if (function.isEmpty() || !implemented(id, function.get(), profile)) {
            Rule rule = function.filter(f -> f == PsciFunction.PSCI_FEATURES).isPresent()
                    ? PsciRules.FEATURES_SINCE_1_0 : PsciRules.NOT_IMPLEMENTED;
            return FamilyOutcome.Predicted.fixed(state,
                    results.notSupported(rule).build(PsciFunction.nameOf(id) + " is not implemented"));
        }
        return switch (function.get()) {
            case PSCI_VERSION -> FamilyOutcome.Predicted.fixed(state, results.value(0, profile.psciVersion().encode(), PsciRules.VERSION)
                    .build("PSCI_VERSION returns " + profile.psciVersion()));
            case PSCI_FEATURES -> FamilyOutcome.Predicted.fixed(state, features(profile, call, results));
            default -> new FamilyOutcome.Unmodelled(state, PsciFunction.nameOf(id) + " is implemented but its effects are not modelled");
        };
    }

    /** PSCI_VERSION always exists; PSCI_FEATURES from 1.0; the rest as PSCI_FEATURES says. */
    private static boolean implemented(FunctionId id, PsciFunction function, Profile profile) {
        return switch (function) {
            case PSCI_VERSION -> true;
            case PSCI_FEATURES -> profile.psciVersion().atLeast(1, 0);
            default -> profile.psciFeatures().containsKey(id.value());
        };
    }

    private static Prediction features(Profile profile, Registers call, ResultRegisters results) {
        FunctionId queried = FunctionId.fromRegister(call.x(1));
        Integer answer = profile.psciFeatures().get(queried.value());
        String name = PsciFunction.of(queried).map(f -> PsciFunction.nameOf(queried)).orElse(queried.toString());
        if (answer == null) {
            return results.notSupported(PsciRules.FEATURES).build("PSCI_FEATURES(" + name + ") is NOT_SUPPORTED");
        }
        return results.value(0, answer, PsciRules.FEATURES).build("PSCI_FEATURES(" + name + ") returns " + answer);
    }
}
