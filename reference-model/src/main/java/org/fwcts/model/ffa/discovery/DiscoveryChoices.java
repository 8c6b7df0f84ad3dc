package org.fwcts.model.ffa.discovery;

import java.util.Map;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.smccc.FunctionId;

/**
 * Implementation choices for discovery: FFA_FEATURES, FFA_SPM_ID_GET and partition information
 * (DEN0077A, "Discovery and identification").
 *
 * @param spmcId what FFA_SPM_ID_GET returns
 * @param normalWorldFeatureIds FFA_FEATURES answers (w2) for feature IDs queried from the normal
 *     world; a missing ID is NOT_SUPPORTED
 * @param secureWorldFeatureIds the same for queries from partitions
 * @param functionProperties FFA_FEATURES w2 for provided functions; missing ones answer 0
 * @param featuresInputNonZero the error for non-zero input properties on a query that takes none
 * @param retrieveNsBit how FFA_FEATURES(FFA_MEM_RETRIEVE_REQ) treats the input NS-bit flag
 * @param v10DescriptorSizeReported w3 of PARTITION_INFO_GET for a v1.0 caller (8, or 0 where
 *     the implementation leaves it unset)
 * @param descriptorSizeV11 the descriptor size written for v1.1+ callers (24, or 48 for
 *     implementations that write their newest layout)
 * @param reservedFlagsError the error for PARTITION_INFO_GET flags bits [31:1] set; empty when
 *     the implementation ignores them
 * @param rxNotMapped the error when the caller has no RX buffer
 * @param rxFull the error when the caller still owns its RX buffer
 * @param descriptorsPerUuid which callers get one descriptor per UUID of a partition that
 *     serves several (with the nil UUID)
 */
public record DiscoveryChoices(
        EndpointId spmcId,
        Map<Integer, Integer> normalWorldFeatureIds,
        Map<Integer, Integer> secureWorldFeatureIds,
        Map<FunctionId, Integer> functionProperties,
        FfaError featuresInputNonZero,
        RetrieveNsBit retrieveNsBit,
        int v10DescriptorSizeReported,
        int descriptorSizeV11,
        Optional<FfaError> reservedFlagsError,
        FfaError rxNotMapped,
        FfaError rxFull,
        DescriptorsPerUuid descriptorsPerUuid) {

    public DiscoveryChoices {
        normalWorldFeatureIds = Map.copyOf(normalWorldFeatureIds);
        secureWorldFeatureIds = Map.copyOf(secureWorldFeatureIds);
        functionProperties = Map.copyOf(functionProperties);
    }

    /** The feature IDs answered to {@code caller}. */
    public Map<Integer, Integer> featureIdsFor(EndpointId caller) {
        return caller.isSecure() ? secureWorldFeatureIds : normalWorldFeatureIds;
    }

    /** Descriptors for a partition with several UUIDs, in an answer to the nil UUID. */
    public enum DescriptorsPerUuid {
        /** One per UUID for every caller (TF-A's EL3 SPMC). */
        EVERY_CALLER,
        /** One per UUID for callers of v1.2 or later; older callers get the first UUID only (Hafnium). */
        FROM_V1_2
    }

    /** FFA_FEATURES(FFA_MEM_RETRIEVE_REQ) input bit 1: "the caller handles the NS bit". */
    public enum RetrieveNsBit {
        /**
         * The normal world must leave it clear; partitions of v1.1 or later must set it
         * (NOT_SUPPORTED otherwise); a v1.0 partition's request is echoed (TF-A's EL3 SPMC).
         */
        NORMAL_WORLD_CLEARS_PARTITIONS_SET,
        /** Callers of v1.1 or later must set it (NOT_SUPPORTED otherwise); the answer sets it. */
        V1_1_CALLERS_MUST_SET,
        /** Any value accepted; the answer reports the implementation's properties. */
        IGNORED
    }
}
