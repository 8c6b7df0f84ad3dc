package org.fwcts.harness.simulated;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.mediator.optee.ArgBuffer;
import org.fwcts.model.mediator.optee.OpteeDepartures;
import org.fwcts.model.mediator.optee.OpteeMessage;
import org.fwcts.model.mediator.optee.OpteeOutcome;
import org.fwcts.model.mediator.optee.OpteeSetup;
import org.fwcts.model.mediator.optee.OpteeSmc;
import org.fwcts.model.mediator.optee.OpteeState;
import org.fwcts.model.mediator.optee.StdCall;
import org.fwcts.model.mediator.optee.XenOpteeMediator;

/**
 * Xen's OP-TEE mediator and OP-TEE behind it, simulated: the model's first outcome for each guest
 * SMC, with the departures the descriptor injects, played against the guest's RAM. OP-TEE's
 * choices are made here: session IDs count up, and an RPC_CMD asks to load the TA.
 */
final class OpteeSimulation {
    private static final long UNKNOWN_FUNCTION = -1L;
    /** OPTEE_RPC_CMD_LOAD_TA (optee_rpc_cmd.h). */
    private static final int LOAD_TA = 0;

    private final XenOpteeMediator mediator;
    private OpteeState state = OpteeState.freshBoot();
    private int nextSession = 0x4e5_0001;

    OpteeSimulation(OpteeSetup setup, OpteeDepartures departures) {
        this.mediator = new XenOpteeMediator(setup, departures);
    }

    boolean serves(EndpointId vm, Registers call) {
        return mediator.serves(vm) && XenOpteeMediator.claims(call.x(0));
    }

    /** Guest {@code vm}'s SMC, its memory being {@code ram}. */
    synchronized Registers call(EndpointId vm, Registers call, SimulatedMemory ram) {
        HostMemory memory = (address, length) -> ram.contains(address, length)
                ? Optional.of(ram.read(address, length)) : Optional.empty();
        OpteeOutcome outcome = mediator.step(state, vm, call, memory);
        if (!(outcome instanceof OpteeOutcome.Predicted predicted)) {
            return Registers.of(UNKNOWN_FUNCTION);
        }
        OpteeOutcome.Alternative primary = predicted.alternatives().get(0);
        Registers answer = ConformingAnswer.registers(primary.registers(), call);
        Optional<byte[]> written = primary.buffer().map(buffer -> write(buffer, ram));
        Optional<StdCall> before = state.calls().stream().filter(c -> c.vm().equals(vm)
                && c.thread() == (int) answer.x(3)).findFirst();
        state = primary.after().given(answer, written);
        if ((answer.x(0) & 0xFFFF_FFFFL) == OpteeSmc.rpc(OpteeSmc.RPC_CMD)) {
            state.waiting(vm, (int) answer.x(3)).or(() -> before)
                    .ifPresent(waiting -> ram.write(waiting.rpcPage(), loadRequest(waiting)));
        }
        return answer;
    }

    /** The command buffer as the mediator leaves it, with a fresh session ID where OP-TEE opens one. */
    private byte[] write(ArgBuffer buffer, SimulatedMemory ram) {
        byte[] bytes = buffer.encode();
        if (buffer.sessionChosen()) {
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, nextSession++);
        }
        if (ram.contains(buffer.address(), bytes.length)) {
            ram.write(buffer.address(), bytes);
        }
        return bytes;
    }

    /** OPTEE_RPC_CMD_LOAD_TA for the TA the call opens, as Xen copies it into the guest's RPC buffer. */
    private static byte[] loadRequest(StdCall call) {
        OpteeMessage.Param uuid = call.shadow().params().isEmpty() ? OpteeMessage.Param.none()
                : new OpteeMessage.Param(OpteeMessage.ATTR_VALUE_INPUT, call.shadow().params().get(0).a(),
                        call.shadow().params().get(0).b(), 0);
        return OpteeMessage.of(LOAD_TA, 0, 0, List.of(uuid, new OpteeMessage.Param(OpteeMessage.ATTR_TMEM_OUTPUT, 0, 0, 0)))
                .withResult(OpteeMessage.TEEC_ERROR_GENERIC, 0, 0).encode();
    }
}
