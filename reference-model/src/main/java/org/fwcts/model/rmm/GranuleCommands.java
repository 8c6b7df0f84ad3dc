package org.fwcts.model.rmm;

/** RMI_GRANULE_DELEGATE and _UNDELEGATE, and their RMI 2.0 range forms (TF-RMM {@code runtime/rmi/granule.c}). */
final class GranuleCommands {
    private final RmmProfile profile;

    GranuleCommands(RmmProfile profile) {
        this.profile = profile;
    }

    RmmOutcome delegate(RmmState state, long pa) {
        if (!profile.tracks(pa)) {
            return Answer.fail(state, RmmRules.GRANULE_DELEGATE, RmiStatus.ERROR_INPUT, () -> hex(pa) + " is not a granule the RMM tracks");
        }
        if (state.granule(pa) != GranuleState.UNDELEGATED) {
            return Answer.fail(state, RmmRules.GRANULE_DELEGATE, RmiStatus.ERROR_INPUT, () -> hex(pa) + " is " + state.granule(pa));
        }
        return Answer.succeed(state.withGranule(pa, GranuleState.DELEGATED), RmmRules.GRANULE_DELEGATE,
                () -> hex(pa) + " becomes DELEGATED");
    }

    RmmOutcome undelegate(RmmState state, long pa) {
        if (!profile.tracks(pa) || state.granule(pa) != GranuleState.DELEGATED) {
            return Answer.fail(state, RmmRules.GRANULE_UNDELEGATE, RmiStatus.ERROR_INPUT, () -> hex(pa) + " is "
                    + (profile.tracks(pa) ? state.granule(pa) : "not a granule the RMM tracks"));
        }
        return Answer.succeed(state.withGranule(pa, GranuleState.UNDELEGATED), RmmRules.GRANULE_UNDELEGATE,
                () -> hex(pa) + " returns to the normal world");
    }

    /**
     * The 2.0 range form as TF-RMM v0.9.0 implements it: one granule per call, x1 the address after
     * it on success and base on failure; an unaligned or empty range gives ERROR_INPUT.
     */
    RmmOutcome range(RmmState state, long base, long top, boolean delegate) {
        if ((base & (Granules.SIZE - 1)) != 0 || (top & (Granules.SIZE - 1)) != 0
                || Long.compareUnsigned(top, base + Granules.SIZE) < 0) {
            return answer(Answer.fail(state, RmmRules.GRANULE_RANGE, RmiStatus.ERROR_INPUT,
                    "[" + hex(base) + ", " + hex(top) + ") is not a range of whole granules"), base);
        }
        RmmOutcome one = delegate ? delegate(state, base) : undelegate(state, base);
        RmmOutcome.Answered answered = (RmmOutcome.Answered) one;
        boolean done = answered.next() != state;
        return answer(one, done ? base + Granules.SIZE : base);
    }

    private static RmmOutcome answer(RmmOutcome outcome, long x1) {
        RmmOutcome.Answered answered = (RmmOutcome.Answered) outcome;
        var registers = new java.util.ArrayList<>(answered.prediction().registers());
        registers.set(1, new org.fwcts.model.prediction.RegisterPrediction.Exact(x1,
                org.fwcts.model.prediction.RegisterPrediction.Exact.ALL_BITS, RmmRules.GRANULE_RANGE));
        return new RmmOutcome.Answered(new org.fwcts.model.prediction.Prediction(answered.prediction().summary()
                + ", x1 = " + hex(x1), answered.prediction().rule(), registers), answered.next());
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
