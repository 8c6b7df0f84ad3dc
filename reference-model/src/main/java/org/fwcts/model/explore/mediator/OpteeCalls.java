package org.fwcts.model.explore.mediator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.MemoryWrite;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.optee.OpteeMessage;
import org.fwcts.model.mediator.optee.OpteeSmc;
import org.fwcts.model.mediator.optee.StdCall;

/**
 * A guest's standard OP-TEE SMCs as a driver without a supplicant makes them: CALL_WITH_ARG with the
 * message written to guest memory, and RETURN_FROM_RPC servicing the RPC a call waits in (a page of
 * its scratch memory for RPC_ALLOC, a refusal for RPC_CMD with the cookie OP-TEE gave, nothing for
 * RPC_FREE and foreign interrupts). Each reads the command buffer back, so the model judges it.
 */
final class OpteeCalls {
    /** Scratch page of the RPC buffer for OP-TEE thread N: 8 + N (pages 0 to 7 hold command buffers). */
    static final int FIRST_RPC_PAGE = 8;
    private static final int RPC_WINDOW = OpteeMessage.HEADER + 4 * OpteeMessage.PARAM;

    private OpteeCalls() {
    }

    static GuestCall start(EndpointId vm, int vcpu, long address, OpteeMessage message) {
        Registers call = Registers.of(OpteeSmc.CALL_WITH_ARG, address >>> 32, address & 0xFFFF_FFFFL);
        return new GuestCall(vm, vcpu, call, new byte[0], List.of(new MemoryWrite(address, message.encode())),
                List.of(new GuestCall.Window(address, Math.min(message.size(), OpteeMessage.PAGE))));
    }

    /**
     * The guest's buffer of {@code waiting} with its value parameters changed, as a guest that rewrites
     * the buffer while OP-TEE holds the call writes it: OP-TEE must go on with Xen's copy.
     */
    static OpteeMessage rewritten(StdCall waiting) {
        OpteeMessage message = waiting.guestBuffer().map(OpteeMessage::decode).orElse(waiting.shadow());
        List<OpteeMessage.Param> params = new ArrayList<>();
        for (OpteeMessage.Param param : message.params()) {
            boolean value = (param.attr() & OpteeMessage.ATTR_META) == 0 && param.type() >= OpteeMessage.ATTR_VALUE_INPUT
                    && param.type() <= OpteeMessage.ATTR_VALUE_INOUT;
            params.add(value ? new OpteeMessage.Param(param.attr(), ~param.a(), ~param.b(), ~param.c()) : param);
        }
        return message.withParams(params);
    }

    /** The resume of {@code waiting} by {@code vm} (its own, or another VM's near miss) on {@code vcpu}. */
    static GuestCall resume(EndpointId vm, int vcpu, StdCall waiting, long rpcPage, boolean rewrite) {
        long[] registers = new long[6];
        registers[0] = OpteeSmc.RETURN_FROM_RPC;
        registers[3] = waiting.thread();
        List<MemoryWrite> writes = new ArrayList<>();
        if (rewrite) {
            writes.add(new MemoryWrite(waiting.guestArg(), rewritten(waiting).encode()));
        }
        long readRpc = waiting.rpcPage();
        if (waiting.rpcOp() == OpteeSmc.RPC_ALLOC) {
            registers[1] = rpcPage >>> 32;
            registers[2] = rpcPage & 0xFFFF_FFFFL;
            registers[4] = rpcPage >>> 32;
            registers[5] = rpcPage & 0xFFFF_FFFFL;
            readRpc = rpcPage;
        } else if (waiting.rpcOp() == OpteeSmc.RPC_CMD) {
            registers[1] = waiting.rpcA1();
            registers[2] = waiting.rpcA2();
            byte[] refusal = OpteeMessage.of(0, 0, 0, List.of()).encode();
            ByteBuffer.wrap(refusal).order(ByteOrder.LITTLE_ENDIAN).putInt(20, OpteeMessage.TEEC_ERROR_ITEM_NOT_FOUND);
            writes.add(new MemoryWrite(waiting.rpcPage(), refusal));
        }
        int size = Math.min(waiting.shadow().size(), OpteeMessage.PAGE);
        List<GuestCall.Window> reads = new ArrayList<>(List.of(new GuestCall.Window(waiting.guestArg(), size)));
        if (readRpc != 0) {
            reads.add(new GuestCall.Window(readRpc, RPC_WINDOW));
        }
        return new GuestCall(vm, vcpu, Registers.of(registers), new byte[0], writes, reads);
    }
}
