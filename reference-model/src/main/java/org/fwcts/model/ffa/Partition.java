package org.fwcts.model.ffa;

import java.util.List;
import org.fwcts.model.SpecVersion;

/**
 * One secure partition as its manifest declares it (DEN0077A, "Partition discovery", with the
 * partition properties bits of "FFA_PARTITION_INFO_GET").
 *
 * @param id its endpoint ID
 * @param uuids the protocol UUIDs it serves, first one primary
 * @param executionContextCount its vCPU count (S-EL1 partitions under an EL3 SPMC have one per core)
 * @param properties the partition properties word as the SPMC reports it to v1.1+ callers
 * @param ffaVersion the FF-A version the partition was built for
 */
public record Partition(EndpointId id, List<Uuid> uuids, int executionContextCount, int properties,
        SpecVersion ffaVersion) {
    public static final int RECEIVES_DIRECT_REQ = 1;
    public static final int SENDS_DIRECT_REQ = 1 << 1;
    public static final int INDIRECT_MESSAGES = 1 << 2;
    public static final int RECEIVES_NOTIFICATIONS = 1 << 3;
    public static final int AARCH64 = 1 << 8;
    public static final int RECEIVES_DIRECT_REQ2 = 1 << 9;
    public static final int SENDS_DIRECT_REQ2 = 1 << 10;
    /** v1.0 callers see only bits [2:0] (Hafnium and TF-A mask them). */
    public static final int V1_0_PROPERTIES = 0x7;

    public Partition {
        uuids = List.copyOf(uuids);
        if (uuids.isEmpty()) {
            throw new IllegalArgumentException("partition " + id + " needs at least one UUID");
        }
    }

    public boolean has(int property) {
        return (properties & property) != 0;
    }

    public boolean serves(Uuid uuid) {
        return uuids.contains(uuid);
    }
}
