package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.PartitionAgent;

/** The endpoint a caller × state case makes its call from: the normal-world agent or the partition agent. */
enum Caller {
    NORMAL_WORLD("the normal world"),
    PARTITION("the partition");

    private final String description;

    Caller(String description) {
        this.description = description;
    }

    EndpointId id(FfaFirmware ffa, PartitionAgent partition) {
        return this == NORMAL_WORLD ? ffa.self() : partition.id();
    }

    /** Makes {@code call} from this endpoint with {@code tx} in its TX buffer; checked by the caller of this method. */
    FfaCheck call(FfaFirmware ffa, PartitionAgent partition, Registers call, byte[] tx) {
        return this == NORMAL_WORLD ? ffa.call(call, tx) : partition.call(call, tx);
    }

    /** Gives this endpoint's RX buffer back with a checked FFA_RX_RELEASE when the model says it holds it. */
    void releaseRxIfHeld(FfaFirmware ffa, PartitionAgent partition) {
        boolean held = ffa.state().endpoint(id(ffa, partition)).mailbox().map(box -> box.rxFull()).orElse(false);
        if (held) {
            assertThatCall(call(ffa, partition, MemoryRetrieval.rxRelease(), new byte[0])).matchesModel();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
