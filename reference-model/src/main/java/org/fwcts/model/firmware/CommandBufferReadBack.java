package org.fwcts.model.firmware;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.fwcts.model.Registers;
import org.fwcts.model.mediator.optee.ArgBuffer;

/** An OP-TEE command buffer the guest reads back after its call, as the model predicts it. */
final class CommandBufferReadBack implements ReadBack {
    private final ArgBuffer expected;
    private final BiFunction<Registers, Optional<byte[]>, ModelState> after;

    CommandBufferReadBack(ArgBuffer expected, BiFunction<Registers, Optional<byte[]>, ModelState> after) {
        this.expected = expected;
        this.after = after;
    }

    @Override
    public long address() {
        return expected.address();
    }

    @Override
    public ModelState next(Registers observed, Optional<byte[]> readBack) {
        return after.apply(observed, readBack);
    }

    @Override
    public byte[] encode() {
        return expected.encode();
    }

    @Override
    public List<String> differences(byte[] observedRx) {
        return expected.differences(observedRx);
    }

    @Override
    public String describe() {
        return expected.describe();
    }
}
