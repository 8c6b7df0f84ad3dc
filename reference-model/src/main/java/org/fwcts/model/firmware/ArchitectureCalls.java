package org.fwcts.model.firmware;

import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.smccc.ArchFunction;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.SmcccRules;

/** SMCCC_VERSION and SMCCC_ARCH_FEATURES (DEN0028, "Arm Architecture Calls"). */
public final class ArchitectureCalls implements CallFamily {

    @Override
    public boolean claims(FunctionId id) {
        return id.equals(ArchFunction.SMCCC_VERSION.id()) || id.equals(ArchFunction.SMCCC_ARCH_FEATURES.id());
    }

    @Override
    public FamilyOutcome step(ModelState state, Registers call, Profile profile) {
        ResultRegisters results = ResultRegisters.forCall(profile, call);
        FunctionId id = FunctionId.fromRegister(call.x(0));
        if (id.equals(ArchFunction.SMCCC_VERSION.id())) {
            return FamilyOutcome.Predicted.fixed(state, version(profile.smcccVersion(), results));
        }
        return FamilyOutcome.Predicted.fixed(state, features(profile, call, results));
    }

    private static org.fwcts.model.prediction.Prediction version(Optional<SpecVersion> version, ResultRegisters results) {
        if (version.isEmpty()) {
            return results.notSupported(SmcccRules.VERSION).build("SMCCC_VERSION is not implemented (SMCCC v1.0)");
        }
        return results.value(0, version.get().encode(), SmcccRules.VERSION)
                .build("SMCCC_VERSION returns " + version.get());
    }

    private static org.fwcts.model.prediction.Prediction features(Profile profile, Registers call, ResultRegisters results) {
        if (!profile.effectiveSmcccVersion().atLeast(1, 1)) {
            return results.notSupported(SmcccRules.ARCH_FEATURES)
                    .build("SMCCC_ARCH_FEATURES does not exist before SMCCC v1.1");
        }
        FunctionId queried = FunctionId.fromRegister(call.x(1));
        Integer answer = profile.archFeatures().get(queried.value());
        if (answer == null) {
            return results.notSupported(SmcccRules.ARCH_FEATURES)
                    .build("SMCCC_ARCH_FEATURES(" + queried + ") is NOT_SUPPORTED");
        }
        String said = answer == SmcccRules.NOT_REQUIRED ? "NOT_REQUIRED (-2)" : answer.toString();
        return results.value(0, answer, SmcccRules.ARCH_FEATURES)
                .build("SMCCC_ARCH_FEATURES(" + queried + ") returns " + said);
    }
}
