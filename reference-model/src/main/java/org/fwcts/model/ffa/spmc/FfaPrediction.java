package org.fwcts.model.ffa.spmc;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.model.ffa.ResultConstraint;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.prediction.Prediction;

/**
 * One outcome the model allows for a call: result registers, RX buffer contents, and the state
 * that follows.
 *
 * @param registers the predicted result registers, each with its rule
 * @param rx what the call writes to the caller's RX buffer, if anything
 * @param constraints conditions on several registers together (a handle not already in use)
 * @param effects changes to memory contents a test can check
 * @param after the state after the call
 */
public record FfaPrediction(Prediction registers, Optional<RxContents> rx, List<ResultConstraint> constraints,
        List<MemoryEffect> effects, StateAfter after) {

    public FfaPrediction {
        constraints = List.copyOf(constraints);
        effects = List.copyOf(effects);
    }

    /** Registers and RX contents only. */
    public FfaPrediction(Prediction registers, Optional<RxContents> rx, StateAfter after) {
        this(registers, rx, List.of(), List.of(), after);
    }

    public static FfaPrediction of(Prediction registers, FfaState next) {
        return new FfaPrediction(registers, Optional.empty(), StateAfter.fixed(next));
    }

    /** What the observation contradicts: register numbers and RX fields; empty when it agrees. */
    public List<String> differences(org.fwcts.model.Registers observed, Optional<byte[]> observedRx) {
        return differences(registers, constraints, rx, observed, observedRx);
    }

    /** What {@code observed} contradicts in predicted registers, constraints and RX contents. */
    public static List<String> differences(Prediction registers, List<ResultConstraint> constraints,
            Optional<RxContents> rx, org.fwcts.model.Registers observed, Optional<byte[]> observedRx) {
        if ((rx.isEmpty() || observedRx.isEmpty()) && registers.admits(observed) && allHold(constraints, observed)) {
            return List.of(); // the usual case, checked without building a list
        }
        List<String> found = new java.util.ArrayList<>();
        for (int index : registers.mismatches(observed)) {
            found.add("x" + index + ": expected " + registers.register(index).describe() + ", got 0x"
                    + Long.toHexString(observed.x(index)) + " [" + registers.register(index).rule().id() + "]");
        }
        for (ResultConstraint constraint : constraints) {
            if (!constraint.holds().test(observed)) {
                found.add("results break \"" + constraint.description() + "\" [" + constraint.rule().id() + "]");
            }
        }
        if (rx.isPresent() && observedRx.isPresent()) {
            found.addAll(rx.get().differences(observedRx.get()));
        }
        return found;
    }

    private static boolean allHold(List<ResultConstraint> constraints, org.fwcts.model.Registers observed) {
        for (int i = 0; i < constraints.size(); i++) {
            if (!constraints.get(i).holds().test(observed)) {
                return false;
            }
        }
        return true;
    }

    public String summary() {
        return registers.summary();
    }
}
