package org.fwcts.model.ffa.discovery;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/** Rules of FF-A discovery and identification that predictions cite. */
public final class DiscoveryRules {
    public static final Rule FEATURES_FUNCTION = new Rule("FFA.FEATURES.FUNCTION", DOC, "FFA_FEATURES",
            "FFA_FEATURES with a function ID (bit 31 set) returns FFA_SUCCESS with the function's properties in w2"
                    + " when the callee provides it to the caller, FFA_ERROR(NOT_SUPPORTED) otherwise.");
    public static final Rule FEATURES_FEATURE_ID = new Rule("FFA.FEATURES.FEATURE_ID", DOC, "FFA_FEATURES",
            "FFA_FEATURES with a feature ID (bit 31 clear) returns FFA_SUCCESS with the feature's value (an"
                    + " interrupt ID) in w2 when implemented, FFA_ERROR(NOT_SUPPORTED) otherwise.");
    public static final Rule FEATURES_INPUT_MBZ = new Rule("FFA.FEATURES.INPUT_MBZ", DOC, "FFA_FEATURES",
            "Input properties in w2 must be zero except for queries that define them (FFA_MEM_RETRIEVE_REQ).");
    public static final Rule FEATURES_RETRIEVE_NS = new Rule("FFA.FEATURES.RETRIEVE_NS", DOC, "FFA_FEATURES",
            "For FFA_MEM_RETRIEVE_REQ, input bit 1 says the caller handles the NS bit in retrieve responses;"
                    + " the answer's bit 1 says whether the callee will set it.");
    public static final Rule FEATURES_RXTX_MAP = new Rule("FFA.FEATURES.RXTX_MAP", DOC, "FFA_FEATURES",
            "For FFA_RXTX_MAP, w2[1:0] is the minimum buffer size and alignment (0: 4K, 1: 64K, 2: 16K) and,"
                    + " for callers of v1.2 or later, w2[31:16] the maximum page count.");
    public static final Rule ID_GET = new Rule("FFA.ID_GET", DOC, "FFA_ID_GET",
            "FFA_ID_GET returns FFA_SUCCESS with the caller's own endpoint ID in w2[15:0].");
    public static final Rule SPM_ID_GET = new Rule("FFA.SPM_ID_GET", DOC, "FFA_SPM_ID_GET",
            "FFA_SPM_ID_GET (v1.1) returns FFA_SUCCESS with the SPMC's endpoint ID in w2[15:0].");
    public static final Rule INFO_ALL = new Rule("FFA.PARTITION_INFO.ALL", DOC, "FFA_PARTITION_INFO_GET",
            "With the nil UUID, FFA_PARTITION_INFO_GET describes every partition: w2 = count, w3 = descriptor"
                    + " size (v1.1+), descriptors in the caller's RX buffer, which the caller then owns.");
    public static final Rule INFO_UUID = new Rule("FFA.PARTITION_INFO.UUID", DOC, "FFA_PARTITION_INFO_GET",
            "With a UUID, FFA_PARTITION_INFO_GET describes the partitions serving it, with the UUID field of each"
                    + " descriptor zero; a UUID no partition serves is INVALID_PARAMETERS.");
    public static final Rule INFO_COUNT_ONLY = new Rule("FFA.PARTITION_INFO.COUNT_ONLY", DOC,
            "FFA_PARTITION_INFO_GET", "Flag bit 0 (v1.1) asks for the count alone: nothing is written to the RX"
                    + " buffer and its ownership does not change.");
    public static final Rule INFO_FLAGS_MBZ = new Rule("FFA.PARTITION_INFO.FLAGS_MBZ", DOC, "FFA_PARTITION_INFO_GET",
            "Flags bits [31:1] (all of w5 for v1.0 callers) must be zero.");
    public static final Rule INFO_RX_UNAVAILABLE = new Rule("FFA.PARTITION_INFO.RX_BUSY", DOC,
            "FFA_PARTITION_INFO_GET", "The descriptors can only be written to an RX buffer the caller has mapped"
                    + " and released; otherwise the call fails (BUSY).");
    public static final Rule INFO_V1_0_LAYOUT = new Rule("FFA.PARTITION_INFO.V1_0", DOC, "FFA_PARTITION_INFO_GET",
            "A v1.0 caller receives 8-byte descriptors with only properties bits [2:0].");
    public static final Rule INFO_REGS = new Rule("FFA.PARTITION_INFO_REGS", DOC, "FFA_PARTITION_INFO_GET_REGS",
            "FFA_PARTITION_INFO_GET_REGS (v1.2) returns up to five descriptors in x3–x17 with the last index,"
                    + " current index, tag and descriptor size packed in x2.");

    private DiscoveryRules() {
    }
}
