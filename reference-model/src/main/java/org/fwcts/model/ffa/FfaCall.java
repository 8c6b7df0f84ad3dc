package org.fwcts.model.ffa;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.fwcts.model.Registers;
import org.fwcts.model.smccc.FunctionId;

/**
 * One FF-A call as the model sees it: who makes it, its registers, and what its TX buffer held.
 *
 * @param caller the endpoint making the call
 * @param registers x0–x17 as passed
 * @param tx the leading bytes of the caller's TX buffer when the call is made (the descriptor or
 *     message the call refers to); empty for calls that do not read the TX buffer
 */
public record FfaCall(EndpointId caller, Registers registers, byte[] tx) {
    private static final byte[] NONE = new byte[0];

    public FfaCall {
        tx = tx.length == 0 ? NONE : tx.clone();
    }

    public static FfaCall of(EndpointId caller, Registers registers) {
        return new FfaCall(caller, registers, NONE);
    }

    public FunctionId functionId() {
        return FunctionId.fromRegister(registers.x(0));
    }

    /** A copy of the TX bytes. */
    @Override
    public byte[] tx() {
        return tx.clone();
    }

    /** The TX bytes as a read-only little-endian buffer, without copying. */
    public ByteBuffer txBuffer() {
        return ByteBuffer.wrap(tx).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A copy of the first {@code length} TX bytes (zero-filled past what the call supplied). */
    public byte[] txPrefix(int length) {
        return Arrays.copyOf(tx, length);
    }

    public int txLength() {
        return tx.length;
    }

    public long x(int index) {
        return registers.x(index);
    }

    public int w(int index) {
        return registers.w(index);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FfaCall that && caller.equals(that.caller) && registers.equals(that.registers)
                && Arrays.equals(tx, that.tx);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * caller.hashCode() + registers.hashCode()) + Arrays.hashCode(tx);
    }

    @Override
    public String toString() {
        return "FfaCall[" + caller + " " + registers + (tx.length == 0 ? "" : " tx=" + tx.length + " bytes") + "]";
    }
}
