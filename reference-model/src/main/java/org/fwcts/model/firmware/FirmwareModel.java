package org.fwcts.model.firmware;

import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.SmcccRules;

/**
 * The executable reference model of the firmware behind one conduit: given a state and a call,
 * it predicts the result registers and the next state.
 *
 * <p>Deterministic and free of I/O: the same profile, state and call always give the same
 * outcome.
 */
public final class FirmwareModel {
    private final Profile profile;
    private final List<CallFamily> families;

    public FirmwareModel(Profile profile) {
        this(profile, List.of(new ArchitectureCalls(), new PsciCalls(), new FfaCalls()));
    }

    public FirmwareModel(Profile profile, List<CallFamily> families) {
        this.profile = profile;
        this.families = List.copyOf(families);
    }

    public Profile profile() {
        return profile;
    }

    /** Predicts {@code call} in {@code state}. */
    public Outcome step(ModelState state, Registers call) {
        Outcome outcome = decode(state, call);
        boolean upperHalfSet = (call.x(0) >>> Integer.SIZE) != 0;
        if (upperHalfSet && outcome instanceof Outcome.Predicted predicted) {
            // The call is decided as if x0's upper half were clear; say which rule makes it so.
            List<Prediction> cited = new ArrayList<>();
            for (Prediction p : predicted.alternatives()) {
                cited.add(new Prediction("w0 alone selects the function: " + p.summary(), SmcccRules.FUNCTION_ID_IN_W0,
                        p.registers()));
            }
            return new Outcome.Predicted(cited, predicted.continuation());
        }
        return outcome;
    }

    private Outcome decode(ModelState state, Registers call) {
        FunctionId id = FunctionId.fromRegister(call.x(0));
        if (id.hasReservedBitsSet()) {
            return unknown(state, call, SmcccRules.RESERVED_BITS, id + " has reserved bits set");
        }
        if (id.hasSveHint()) {
            if (!profile.effectiveSmcccVersion().atLeast(1, 3)) {
                return unknown(state, call, SmcccRules.RESERVED_BITS, id + " sets bit 16, reserved before SMCCC v1.3");
            }
            call = call.with(0, id.withoutSveHint().register());
            id = id.withoutSveHint();
        }
        for (CallFamily family : families) {
            if (family.claims(id)) {
                return family.step(state, call, profile);
            }
        }
        return unknown(state, call, SmcccRules.UNKNOWN_FUNCTION, id + " is not a function this firmware provides");
    }

    private Outcome unknown(ModelState state, Registers call, Rule rule, String why) {
        return Outcome.Predicted.fixed(state, ResultRegisters.forCall(profile, call).notSupported(rule).build(why));
    }
}
