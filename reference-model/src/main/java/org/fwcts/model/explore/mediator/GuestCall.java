package org.fwcts.model.explore.mediator;

import java.util.List;
import org.fwcts.model.MemoryWrite;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;

/**
 * A guest VM's own SMC (the hypervisor's mediator takes it), made on one of its vCPUs: with the
 * bytes for its TX buffer (an FF-A descriptor), guest memory written before it (an OP-TEE command
 * buffer) and read back after it (the buffer as the mediator left it, for the model to judge).
 */
public record GuestCall(EndpointId caller, int vcpu, Registers registers, byte[] tx, List<MemoryWrite> writes,
        List<Window> reads) implements Step.Extension {

    public GuestCall {
        tx = tx.clone();
        writes = List.copyOf(writes);
        reads = List.copyOf(reads);
    }

    /** A call with nothing in memory around it. */
    public static GuestCall of(EndpointId caller, Registers registers) {
        return new GuestCall(caller, 0, registers, new byte[0], List.of(), List.of());
    }

    /** A call with {@code tx} written to the VM's TX buffer first. */
    public static GuestCall withTx(EndpointId caller, Registers registers, byte[] tx) {
        return new GuestCall(caller, 0, registers, tx, List.of(), List.of());
    }

    @Override
    public byte[] tx() {
        return tx.clone();
    }

    /** Guest memory read back after the call. */
    public record Window(long address, int length) {
    }
}
