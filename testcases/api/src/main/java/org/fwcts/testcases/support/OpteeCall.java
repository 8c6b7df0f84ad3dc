package org.fwcts.testcases.support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.harness.pipeline.MemoryRegion;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.Registers;
import org.fwcts.model.mediator.optee.OpteeMessage;
import org.fwcts.model.mediator.optee.OpteeSmc;
import org.fwcts.model.mediator.optee.StdCall;

/**
 * One standard call of a guest, driven as a normal-world OP-TEE driver does: CALL_WITH_ARG with the
 * message in guest memory, then each RPC serviced and resumed (a page for RPC_ALLOC, a refusal for
 * RPC_CMD, nothing for RPC_FREE and RPC_FOREIGN_INTR) until OP-TEE ends the call. Every SMC reads
 * the command buffer back, so the model judges what the mediator wrote there.
 */
public final class OpteeCall {
    /** TEEC_ERROR_ITEM_NOT_FOUND: the answer to every RPC command, as a guest without a supplicant gives. */
    private static final int REFUSED = OpteeMessage.TEEC_ERROR_ITEM_NOT_FOUND;
    private static final int MAX_STEPS = 32;
    /**
     * Resumes after RPC_FOREIGN_INTR do not count as steps: OP-TEE gives the CPU back whenever a
     * normal-world interrupt is pending, so how many a call meets depends on the host's timing (on
     * an idle host more than 32 in a row were seen), not on the call. Past this many in a row the
     * interrupt is taken as one that stays pending, and the target as unresponsive.
     */
    private static final int MAX_FOREIGN_INTERRUPTS = 2000;

    private final OpteeGuests.OpteeGuest guest;
    private final long address;
    private final int size;
    private OpteeMessage message;
    private Judgement last;
    private int thread = -1;
    private long rpcPage;
    private Optional<byte[]> rpcMessage = Optional.empty();
    /** The RPC function the call waits in; -1 when it does not wait. */
    private int pending = -1;
    /** x1 and x2 of the RPC the call waits in. */
    private long rpcA1;
    private long rpcA2;

    OpteeCall(OpteeGuests.OpteeGuest guest, long address, OpteeMessage message) {
        this.guest = guest;
        this.address = address;
        this.message = message;
        this.size = Math.min(message.size(), OpteeMessage.PAGE);
    }

    static OpteeCall waiting(OpteeGuests.OpteeGuest guest, StdCall call) {
        OpteeCall resumed = new OpteeCall(guest, call.guestArg(), call.guestBuffer().map(OpteeMessage::decode)
                .orElse(call.shadow()));
        resumed.thread = call.thread();
        resumed.rpcPage = call.rpcPage();
        resumed.last = null;
        resumed.pending = call.rpcOp();
        resumed.rpcA1 = call.rpcA1();
        resumed.rpcA2 = call.rpcA2();
        return resumed;
    }

    /** Issues CALL_WITH_ARG on vCPU 0. */
    public OpteeCall start() {
        return start(0);
    }

    /** Issues CALL_WITH_ARG on vCPU {@code vcpu}, the message written to the buffer first. */
    public OpteeCall start(int vcpu) {
        Registers call = Registers.of(OpteeSmc.CALL_WITH_ARG, address >>> 32, address & 0xFFFF_FFFFL);
        CallMemory memory = new CallMemory(List.of(new MemoryRegion(address, message.encode())),
                List.of(new CallMemory.Window(address, size)));
        return made(guest.call(vcpu, call, memory));
    }

    /** Services the RPC the call waits in and resumes it once, on vCPU {@code vcpu}; {@code rewrite} is written to the buffer first. */
    public OpteeCall resume(int vcpu, Optional<OpteeMessage> rewrite) {
        if (!waiting()) {
            throw new IllegalStateException("the call does not wait in an RPC");
        }
        List<MemoryRegion> writes = new ArrayList<>();
        rewrite.ifPresent(changed -> {
            message = changed;
            writes.add(new MemoryRegion(address, changed.encode()));
        });
        long[] registers = new long[6];
        registers[0] = OpteeSmc.RETURN_FROM_RPC;
        registers[3] = thread;
        if (pending == OpteeSmc.RPC_ALLOC) {
            rpcPage = guest.rpcPage(thread);
            registers[1] = rpcPage >>> 32;
            registers[2] = rpcPage & 0xFFFF_FFFFL;
            registers[4] = rpcPage >>> 32;
            registers[5] = rpcPage & 0xFFFF_FFFFL;
        } else if (pending == OpteeSmc.RPC_CMD) {
            // The RPC buffer's cookie goes back in x1:x2, as OP-TEE gave it (Xen finds the buffer by it).
            registers[1] = rpcA1;
            registers[2] = rpcA2;
            byte[] request = rpcMessage.orElseGet(() -> OpteeMessage.of(0, 0, 0, List.of()).encode());
            ByteBuffer.wrap(request).order(ByteOrder.LITTLE_ENDIAN).putInt(20, REFUSED);
            writes.add(new MemoryRegion(rpcPage, request));
        }
        List<CallMemory.Window> reads = new ArrayList<>(List.of(new CallMemory.Window(address, size)));
        if (rpcPage != 0) {
            reads.add(new CallMemory.Window(rpcPage, OpteeMessage.HEADER + 4 * OpteeMessage.PARAM));
        }
        return made(guest.call(vcpu, Registers.of(registers), new CallMemory(writes, reads)));
    }

    /**
     * Services the RPC the call waits in and resumes it on vCPU {@code vcpu}, then again for as long
     * as OP-TEE only gives the CPU back for a foreign interrupt: one RPC step of the call.
     */
    public void resumeThroughInterrupts(int vcpu) {
        resume(vcpu, Optional.empty());
        for (int i = 0; waiting() && pending == OpteeSmc.RPC_FOREIGN_INTR; i++) {
            if (i == MAX_FOREIGN_INTERRUPTS) {
                throw new TargetUnresponsiveException("OP-TEE returned RPC_FOREIGN_INTR " + MAX_FOREIGN_INTERRUPTS
                        + " times in a row on thread " + thread + ": a normal-world interrupt stays pending");
            }
            resume(vcpu, Optional.empty());
        }
    }

    /** Resumes on vCPU 0 until OP-TEE ends the call (foreign interrupts aside, at most 32 RPCs). */
    public OpteeCall finish() {
        return finish(0);
    }

    /** Resumes on vCPU {@code vcpu} until OP-TEE ends the call (foreign interrupts aside, at most 32 RPCs). */
    public OpteeCall finish(int vcpu) {
        for (int i = 0; i < MAX_STEPS && waiting(); i++) {
            resumeThroughInterrupts(vcpu);
        }
        if (waiting()) {
            throw new AssertionError("OP-TEE still waits in an RPC after " + MAX_STEPS + " resumes");
        }
        return this;
    }

    /**
     * Resumes {@code calls} in turn, one RPC each, until one of them ends ({@code untilOneEnds}) or
     * all have: a call waiting for another OP-TEE thread (a wait queue) gets on once that one does.
     */
    public static void finishTogether(List<OpteeCall> calls, boolean untilOneEnds) {
        for (int round = 0; round < MAX_STEPS; round++) {
            boolean anyWaiting = false;
            for (OpteeCall call : calls) {
                if (call.waiting()) {
                    call.resumeThroughInterrupts(0);
                    if (!call.waiting() && untilOneEnds) {
                        return;
                    }
                    anyWaiting |= call.waiting();
                }
            }
            if (!anyWaiting) {
                return;
            }
        }
        throw new AssertionError("OP-TEE still waits in RPCs after " + MAX_STEPS + " rounds of resumes");
    }

    private OpteeCall made(Judgement judgement) {
        last = judgement;
        Registers observed = registers();
        long w0 = observed.x(0) & 0xFFFF_FFFFL;
        if (OpteeSmc.isRpc(w0)) {
            pending = (int) (w0 & 0xFFFF);
            thread = (int) observed.x(3);
            rpcA1 = observed.x(1);
            rpcA2 = observed.x(2);
            rpcMessage = read(rpcPage, OpteeMessage.HEADER + 4 * OpteeMessage.PARAM);
        } else {
            pending = -1;
        }
        return this;
    }

    /** Whether the call waits in an RPC: the last SMC returned one. */
    public boolean waiting() {
        return pending >= 0;
    }

    /** The RPC function the call waits in (OPTEE_SMC_RPC_FUNC_*); -1 when it does not wait. */
    public int waitingIn() {
        return pending;
    }

    /** OP-TEE's thread the call runs on, as the last RPC named it. */
    public int thread() {
        return thread;
    }

    /** The result registers of the last SMC. */
    public Registers registers() {
        if (last.entry().observation() instanceof Observation.Completed completed) {
            return completed.registers();
        }
        throw new TargetUnresponsiveException("the call gave no result: " + last.reason());
    }

    /** The last SMC's judgement. */
    public Judgement judgement() {
        return last;
    }

    /** The command buffer as the guest read it back after the last SMC. */
    public OpteeMessage buffer() {
        return read(address, size).map(OpteeMessage::decode).orElseThrow(() ->
                new TargetUnresponsiveException("the command buffer was not read back"));
    }

    /** The message the call was made with, as last written. */
    public OpteeMessage message() {
        return message;
    }

    public long address() {
        return address;
    }

    private Optional<byte[]> read(long at, int length) {
        for (MemoryRegion region : last.entry().observed().memoryOut()) {
            if (region.address() == at && region.bytes().length >= length) {
                return Optional.of(Arrays.copyOf(region.bytes(), length));
            }
        }
        return Optional.empty();
    }
}
