package org.fwcts.model.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.FfaRules;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.spmc.FfaSystem;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.OwningEntity;

/**
 * The FF-A function range at a normal-world conduit: NOT_SUPPORTED everywhere when FF-A is
 * absent; otherwise the {@link SpmcModel}, called as the topology's primary normal-world
 * endpoint.
 */
public final class FfaCalls implements CallFamily {

    @Override
    public boolean claims(FunctionId id) {
        return id.isFast() && id.owner() == OwningEntity.STANDARD_SECURE_SERVICE
                && id.number() >= FfaFunction.FIRST_NUMBER && id.number() <= FfaFunction.LAST_NUMBER;
    }

    @Override
    public FamilyOutcome step(ModelState state, Registers call, Profile profile) {
        if (profile.ffa().isEmpty()) {
            FunctionId id = FunctionId.fromRegister(call.x(0));
            return FamilyOutcome.Predicted.fixed(state, ResultRegisters.forCall(profile, call).notSupported(FfaRules.ABSENT)
                    .build("FF-A is absent: " + id + " is NOT_SUPPORTED"));
        }
        FfaSystem system = profile.ffa().get();
        SpmcModel model = new SpmcModel(system.spmc(), system.topology());
        FfaState before = state.ffa().orElseGet(model::freshBoot);
        FfaOutcome outcome = model.step(before, FfaCall.of(system.topology().primaryNormalWorld(), call));
        if (outcome instanceof FfaOutcome.Unmodelled unmodelled) {
            return new FamilyOutcome.Unmodelled(state, unmodelled.reason());
        }
        if (outcome instanceof FfaOutcome.Forwarded forwarded) {
            // The caller's results come from the receiver's answer, which a register-only
            // conduit cannot predict; tests of forwarded calls drive both endpoints.
            return new FamilyOutcome.Unmodelled(state, "the call passes control to " + forwarded.receiver()
                    + "; its results depend on that endpoint's answer");
        }
        FfaOutcome.Predicted predicted = (FfaOutcome.Predicted) outcome;
        List<Prediction> registers = new ArrayList<>();
        predicted.alternatives().forEach(alternative -> registers.add(alternative.registers()));
        return new FamilyOutcome.Predicted(registers, observed -> {
            FfaOutcome.Match match = predicted.match(observed, Optional.empty());
            return match instanceof FfaOutcome.Match.Consistent consistent
                    ? Optional.of(state.withFfa(consistent.next())) : Optional.empty();
        });
    }
}
