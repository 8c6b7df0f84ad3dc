package org.fwcts.model.ffa.discovery;

import org.fwcts.model.Rule;

/**
 * The structural rules of the partition information descriptors in an FFA_PARTITION_INFO_GET answer.
 *
 * <p>These describe what an SPMC writes, so a malformation is the SPMC's fault; the INVALID_PARAMETERS in
 * such a result only says the structure is not one FF-A defines.
 */
public final class PartitionInfoRules {
    private static final String DOC = "DEN0077A (FF-A)";
    private static final String SECTION = "Partition information descriptor";

    public static final Rule DESCRIPTOR_SIZE = new Rule("FFA.PARTITION_INFO.DESC_SIZE", DOC, SECTION,
            "A partition information descriptor is 8 bytes (v1.0), 24 bytes (v1.1, v1.2) or 48 bytes (v1.3).");
    public static final Rule DESCRIPTOR_BOUNDS = new Rule("FFA.PARTITION_INFO.DESC_BOUNDS", DOC, SECTION,
            "The count descriptors of the reported size fit in the caller's RX buffer.");
    public static final Rule DESCRIPTOR_RESERVED = new Rule("FFA.PARTITION_INFO.DESC_RESERVED", DOC, SECTION,
            "Bytes 44-47 of a 48-byte partition information descriptor are reserved, MBZ.");
    public static final Rule PARTITION_VERSION = new Rule("FFA.PARTITION_INFO.DESC_VERSION", DOC, SECTION,
            "The partition FF-A version @40 is encoded as FFA_VERSION encodes it: bit 31 clear.");

    private PartitionInfoRules() {
    }
}
