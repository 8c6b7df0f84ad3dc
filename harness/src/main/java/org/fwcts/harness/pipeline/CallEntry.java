package org.fwcts.harness.pipeline;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;

/**
 * One call in a run's history, as made and observed; the verdict is derived from it, never
 * stored in it.
 *
 * @param sequence the call's number in the run, from 1
 * @param boot the boot it was made on, from 1 (the model starts afresh with each boot)
 * @param test the unique ID of the test that made it; empty between tests (clean-up, probes)
 * @param caller the endpoint that made it
 * @param conduit how it reached the firmware
 * @param registers x0–x17 as the caller passed them
 * @param tx the bytes the caller's TX buffer held for the call
 * @param observed what came back
 * @param memoryIn normal-world memory the caller wrote for the call just before it (empty for most calls)
 */
public record CallEntry(long sequence, int boot, Optional<String> test, EndpointId caller, Conduit conduit,
        Registers registers, byte[] tx, Observed observed, List<MemoryRegion> memoryIn) {

    public CallEntry {
        tx = tx.clone();
        memoryIn = List.copyOf(memoryIn);
    }

    public CallEntry(long sequence, int boot, Optional<String> test, EndpointId caller, Conduit conduit,
            Registers registers, byte[] tx, Observed observed) {
        this(sequence, boot, test, caller, conduit, registers, tx, observed, List.of());
    }

    /** The memory the model may read for the call: what the caller wrote for it. */
    public HostMemory hostMemory() {
        return CallMemory.known(memoryIn);
    }

    /** The call as the model sees it. */
    public FfaCall call() {
        return new FfaCall(caller, registers, tx);
    }

    /** A command to a partition agent: direct requests that carry no call of the partition's own. */
    public boolean isCommand() {
        return conduit == Conduit.DIRECT_REQUEST && observed.carrier() < 0;
    }

    public Observation observation() {
        return observed.observation();
    }

    @Override
    public byte[] tx() {
        return tx.clone();
    }
}
