package org.fwcts.model.mediator.optee;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.firmware.Expected;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.firmware.ReadBack;
import org.fwcts.model.profile.Profiles;

/** Walks guests' OP-TEE calls through the model, answering each as its first outcome says. */
final class OpteeWalk {
    static final EndpointId VM1 = EndpointId.of(2);
    static final EndpointId VM2 = EndpointId.of(3);
    static final long PAGE = 0x4800_0000L;

    final FirmwareModel model = new FirmwareModel(Profiles.named("xen-4.22-optee").orElseThrow());
    ModelState state = ModelState.freshBoot();
    byte[] lastBuffer;
    Expected lastExpected;

    /** The answer to {@code call} from {@code vm}, {@code written} being the memory it wrote for it (address, bytes pairs). */
    Registers call(EndpointId vm, Registers call, Object... written) {
        List<Object> regions = new ArrayList<>(Arrays.asList(written));
        HostMemory memory = (address, length) -> {
            for (int i = regions.size() - 2; i >= 0; i -= 2) {
                long base = (Long) regions.get(i);
                byte[] bytes = (byte[]) regions.get(i + 1);
                if (address >= base && address + length <= base + bytes.length) {
                    return Optional.of(Arrays.copyOfRange(bytes, (int) (address - base), (int) (address - base) + length));
                }
            }
            return Optional.empty();
        };
        Outcome outcome = model.predict(state, new FfaCall(vm, call, new byte[0]), memory);
        if (!(outcome instanceof Outcome.Predicted predicted)) {
            throw new AssertionError("no prediction: " + outcome);
        }
        lastExpected = predicted.primary();
        Registers answer = ConformingAnswer.registers(lastExpected.registers(), call);
        lastBuffer = lastExpected.rx().filter(rx -> rx instanceof ReadBack).map(rx -> rx.encode()).orElse(null);
        long at = lastExpected.rx().filter(rx -> rx instanceof ReadBack).map(rx -> ((ReadBack) rx).address()).orElse(0L);
        byte[] back = lastBuffer;
        state = lastExpected.next(answer, (address, length) -> back != null && address == at
                ? Optional.of(Arrays.copyOf(back, length)) : Optional.empty());
        return answer;
    }

    Outcome predict(EndpointId vm, Registers call) {
        return model.predict(state, FfaCall.of(vm, call));
    }

    static Registers withArg(long ipa) {
        return Registers.of(OpteeSmc.CALL_WITH_ARG, ipa >>> 32, ipa & 0xFFFF_FFFFL);
    }
}
