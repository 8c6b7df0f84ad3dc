package org.fwcts.model.mediator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.firmware.Expected;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.profile.ProfileOverrides;
import org.fwcts.model.profile.Profiles;

/** Walks the whole model (mediator in front of the SPMC) through VMs' calls, answering each as predicted. */
final class MediatorWalk {
    static final EndpointId VM2 = EndpointId.of(2);
    static final EndpointId VM3 = EndpointId.of(3);
    static final long TX = 0x4010_0000L;
    static final long RX = 0x4010_1000L;

    final FirmwareModel model;
    ModelState state = ModelState.freshBoot();
    Expected last;

    MediatorWalk(String profile, Map<String, String> overrides) {
        this.model = new FirmwareModel(ProfileOverrides.apply(Profiles.named(profile).orElseThrow(), overrides));
    }

    MediatorWalk(String profile) {
        this(profile, Map.of());
    }

    /** The outcome of {@code registers} from {@code caller}, without advancing. */
    Outcome peek(EndpointId caller, long... registers) {
        return model.predict(state, FfaCall.of(caller, Registers.of(registers)));
    }

    /** Makes the call; the walk continues from the primary outcome answered as predicted; returns the answer. */
    Registers call(EndpointId caller, long... registers) {
        Outcome outcome = peek(caller, registers);
        assertThat(outcome).as("prediction for %s", Long.toHexString(registers[0])).isInstanceOf(Outcome.Predicted.class);
        last = ((Outcome.Predicted) outcome).primary();
        Registers answer = ConformingAnswer.registers(last.registers(), Registers.of(registers));
        state = last.next(answer);
        return answer;
    }

    /** FFA_VERSION(1.x) then FFA_ID_GET (which fixes the version in 4.22) and RXTX_MAP of a page each. */
    MediatorWalk ready(EndpointId vm, int minor) {
        call(vm, FfaFunction.FFA_VERSION.x0(), 0x1_0000L | minor);
        call(vm, FfaFunction.FFA_ID_GET.x0());
        call(vm, FfaFunction.FFA_RXTX_MAP.x0Smc64(), TX + vm.value() * 0x10000L, RX + vm.value() * 0x10000L, 1);
        return this;
    }

    MediatorState mediator() {
        return model.mediatorState(state);
    }

    static long status(Registers answer) {
        return answer.x(0) & 0xFFFF_FFFFL;
    }

    static int error(Registers answer) {
        assertThat(status(answer)).as("FFA_ERROR").isEqualTo(FfaFunction.FFA_ERROR.x0());
        return (int) answer.x(2);
    }
}
