package org.fwcts.model.ffa.messaging;

import java.util.Optional;
import org.fwcts.model.SpecVersion;

/**
 * The two layouts of the partition message header FFA_MSG_SEND2 reads from the sender's TX buffer
 * (DEN0077A, "Partition message header"; ffa-abi.md §9).
 *
 * <p>The header size is also the smallest payload offset Hafnium accepts for the sender's version
 * ({@code FFA_RXTX_HEADER_SIZE_V1_1} = 20, {@code FFA_RXTX_HEADER_SIZE} = 40).
 */
public enum IndirectMessageLayout {
    /** v1.1: flags, reserved, offset, receiver, sender, size. */
    V1_1(20),
    /** v1.2: adds a reserved word @20 and the protocol UUID @24. */
    V1_2(40);

    private final int size;

    IndirectMessageLayout(int size) {
        this.size = size;
    }

    /** Bytes of header, and the lowest valid payload offset. */
    public int size() {
        return size;
    }

    /** Whether the header carries the reserved word @20 and the UUID @24. */
    public boolean hasUuid() {
        return this == V1_2;
    }

    /** The layout a caller of {@code version} uses; empty for v1.0, which has no FFA_MSG_SEND2. */
    public static Optional<IndirectMessageLayout> forCaller(SpecVersion version) {
        if (!version.atLeast(1, 1)) {
            return Optional.empty();
        }
        return Optional.of(version.atLeast(1, 2) ? V1_2 : V1_1);
    }
}
