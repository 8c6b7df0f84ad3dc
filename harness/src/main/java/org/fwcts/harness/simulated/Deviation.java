package org.fwcts.harness.simulated;

import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaState;

/**
 * A way the simulated firmware departs from its profile on purpose, so the suite can prove it
 * catches the departure. Each deviation rewrites the conforming answer to one call.
 */
interface Deviation {

    /** The name a descriptor uses, e.g. {@code wrong-error:FFA_RXTX_MAP:DENIED:BUSY}. */
    String name();

    /** What a report says this deviation does. */
    String description();

    /** The answer the deviating firmware gives instead of {@code conforming}, to {@code call} made in {@code before}. */
    Answer apply(FfaCall call, FfaState before, Answer conforming);

    /** Whether {@code call} is {@code function}, in its SMC32 or SMC64 form. */
    static boolean calls(FfaCall call, FfaFunction function) {
        return FfaFunction.of(call.functionId()).filter(function::equals).isPresent();
    }

    /** Whether w0 of {@code results} is {@code function}'s SMC32 ID (FFA_SUCCESS, FFA_ERROR, a response). */
    static boolean answers(Registers results, FfaFunction function) {
        return (results.x(0) & 0xFFFF_FFFFL) == function.x0();
    }

    /**
     * One answer to an FF-A call: result registers, the RX bytes written (if any) and the
     * firmware's state afterwards.
     */
    record Answer(Registers registers, Optional<byte[]> rx, FfaState next) {
        Answer withRegisters(Registers changed) {
            return new Answer(changed, rx, next);
        }

        Answer withRx(byte[] changed) {
            return new Answer(registers, Optional.of(changed), next);
        }

        Answer withNext(FfaState changed) {
            return new Answer(registers, rx, changed);
        }
    }
}
