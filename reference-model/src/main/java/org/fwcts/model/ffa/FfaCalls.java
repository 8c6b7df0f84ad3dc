package org.fwcts.model.ffa;

import org.fwcts.model.CallFamily;
import org.fwcts.model.ModelState;
import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.prediction.Outcome;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.OwningEntity;
import org.fwcts.model.smccc.ResultRegisters;

/**
 * The FF-A function range: NOT_SUPPORTED everywhere when FF-A is absent; FFA_VERSION when it is
 * present. The rest of FF-A is not modelled yet.
 */
public final class FfaCalls implements CallFamily {

    @Override
    public boolean claims(FunctionId id) {
        return id.isFast() && id.owner() == OwningEntity.STANDARD_SECURE_SERVICE
                && id.number() >= FfaFunction.FIRST_NUMBER && id.number() <= FfaFunction.LAST_NUMBER;
    }

    @Override
    public Outcome step(ModelState state, Registers call, Profile profile) {
        FunctionId id = FunctionId.fromRegister(call.x(0));
        ResultRegisters results = ResultRegisters.forCall(profile, call);
        if (profile.ffaVersion().isEmpty()) {
            return new Outcome.Predicted(state, results.notSupported(FfaRules.ABSENT)
                    .build("FF-A is absent: " + id + " is NOT_SUPPORTED"));
        }
        if (!id.equals(FfaFunction.FFA_VERSION.id())) {
            return new Outcome.Unmodelled(state, "FF-A function " + id + " is not modelled yet");
        }
        SpecVersion callee = profile.ffaVersion().get();
        SpecVersion caller = SpecVersion.decode(call.w(1));
        return new Outcome.Predicted(state.withFfaCallerVersion(caller),
                results.value(0, callee.encode(), FfaRules.VERSION).build("FFA_VERSION returns " + callee));
    }
}
