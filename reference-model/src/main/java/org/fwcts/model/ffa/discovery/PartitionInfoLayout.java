package org.fwcts.model.ffa.discovery;

import java.util.Optional;

/**
 * The sizes of the partition information descriptor FFA_PARTITION_INFO_GET writes to the RX buffer
 * (DEN0077A, "Partition information descriptor"; ffa-abi.md §6).
 *
 * <p>The SPMC reports the size it used in w3 (v1.1+) and the caller must step by it: Hafnium writes 48
 * bytes to every caller of v1.1 or later, TF-A's EL3 SPMC 24; both write 8 to v1.0 callers (TF-A then
 * reports w3 = 0).
 */
public enum PartitionInfoLayout {
    /** v1.0: ID, execution context count, properties. */
    V1_0(8),
    /** v1.1 and v1.2 (Hafnium {@code struct ffa_partition_info_v1_1}): adds the protocol UUID @8. */
    V1_1(24),
    /** v1.3 (Hafnium {@code struct ffa_partition_info}): adds image UUID @24, FF-A version @40, reserved @44. */
    V1_3(48);

    private final int size;

    PartitionInfoLayout(int size) {
        this.size = size;
    }

    /** Bytes per descriptor. */
    public int size() {
        return size;
    }

    /** The layout of {@code size}-byte descriptors, if FF-A defines one. */
    public static Optional<PartitionInfoLayout> forSize(long size) {
        for (PartitionInfoLayout layout : values()) {
            if (layout.size == size) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /** Whether the protocol UUID field (@8) is present. */
    public boolean hasProtocolUuid() {
        return this != V1_0;
    }

    /** Whether the image UUID (@24) and partition FF-A version (@40) fields are present. */
    public boolean hasImageFields() {
        return this == V1_3;
    }
}
