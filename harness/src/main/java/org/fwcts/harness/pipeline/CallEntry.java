package org.fwcts.harness.pipeline;

import java.util.Optional;
import org.fwcts.harness.agent.Observation;
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
 */
public record CallEntry(long sequence, int boot, Optional<String> test, EndpointId caller, Conduit conduit,
        Registers registers, byte[] tx, Observed observed) {

    public CallEntry {
        tx = tx.clone();
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
