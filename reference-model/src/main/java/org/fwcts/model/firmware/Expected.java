package org.fwcts.model.firmware;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.model.ffa.ResultConstraint;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.prediction.Prediction;

/**
 * One outcome the model allows for a call: result registers, RX contents, conditions on several
 * registers, memory effects, and the state that follows.
 *
 * @param registers the predicted result registers, each with its rule
 * @param rx what the call writes to the caller's RX buffer, if anything
 * @param constraints conditions on several registers together (a handle not already in use)
 * @param effects changes to memory contents a test can check
 * @param after the state after the call, given results this outcome admits
 */
public record Expected(Prediction registers, Optional<RxContents> rx, List<ResultConstraint> constraints,
        List<MemoryEffect> effects, After after) {

    public Expected {
        constraints = List.copyOf(constraints);
        effects = List.copyOf(effects);
    }

    /** The state after a call as a function of its results: the model binds values the firmware chose. */
    @FunctionalInterface
    public interface After {
        ModelState given(Registers observed);
    }

    /** Registers only, with the state {@code next} whatever the results. */
    public static Expected of(Prediction registers, ModelState next) {
        return new Expected(registers, Optional.empty(), List.of(), List.of(), observed -> next);
    }

    /** An FF-A outcome, its FF-A state placed into {@code before}. */
    public static Expected of(FfaPrediction ffa, ModelState before) {
        return new Expected(ffa.registers(), ffa.rx(), ffa.constraints(), ffa.effects(),
                observed -> before.withFfa(ffa.after().given(observed)));
    }

    public ModelState next(Registers observed) {
        return next(observed, org.fwcts.model.HostMemory.NONE);
    }

    /** The state after the call, given its results and the caller's memory read back after it. */
    public ModelState next(Registers observed, org.fwcts.model.HostMemory readBack) {
        if (rx.isPresent() && rx.get() instanceof ReadBack back) {
            return back.next(observed, readBack.read(back.address(), back.encode().length));
        }
        return after.given(observed);
    }

    /** What the observation contradicts: register numbers, constraints and RX fields; empty when it agrees. */
    public List<String> differences(Registers observed, Optional<byte[]> observedRx) {
        return differences(observed, observedRx, org.fwcts.model.HostMemory.NONE);
    }

    /** As {@link #differences(Registers, Optional)}, memory read back judged where the outcome predicts it. */
    public List<String> differences(Registers observed, Optional<byte[]> observedRx, org.fwcts.model.HostMemory readBack) {
        if (rx.isPresent() && rx.get() instanceof ReadBack back) {
            return FfaPrediction.differences(registers, constraints, rx, observed,
                    readBack.read(back.address(), back.encode().length));
        }
        return FfaPrediction.differences(registers, constraints, rx, observed, observedRx);
    }

    public String summary() {
        return registers.summary();
    }
}
