package org.fwcts.model.firmware;

import org.fwcts.model.Registers;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.smccc.FunctionId;

/** One family of calls (an ABI) that the model can step: PSCI, the Arm Architecture Calls, FF-A. */
public interface CallFamily {

    /** True when this family decides calls to {@code id}. */
    boolean claims(FunctionId id);

    /** Predicts the results of {@code call} in {@code state}, for a firmware described by {@code profile}. */
    FamilyOutcome step(ModelState state, Registers call, Profile profile);
}
