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

    /** A builder holding these choices, to change some of them by name. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder with every choice unset; {@link Builder#build()} names any left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the choices by name; each setter is the component of the same name. */
    public static final class Builder {
        private EndpointId spmcId;
        private Map<Integer, Integer> normalWorldFeatureIds;
        private Map<Integer, Integer> secureWorldFeatureIds;
        private Map<FunctionId, Integer> functionProperties;
        private FfaError featuresInputNonZero;
        private RetrieveNsBit retrieveNsBit;
        private Integer v10DescriptorSizeReported;
        private Integer descriptorSizeV11;
        private Optional<FfaError> reservedFlagsError;
        private FfaError rxNotMapped;
        private FfaError rxFull;
        private DescriptorsPerUuid descriptorsPerUuid;

        private Builder() {
        }

        private Builder(DiscoveryChoices from) {
            spmcId = from.spmcId;
            normalWorldFeatureIds = from.normalWorldFeatureIds;
            secureWorldFeatureIds = from.secureWorldFeatureIds;
            functionProperties = from.functionProperties;
            featuresInputNonZero = from.featuresInputNonZero;
            retrieveNsBit = from.retrieveNsBit;
            v10DescriptorSizeReported = from.v10DescriptorSizeReported;
            descriptorSizeV11 = from.descriptorSizeV11;
            reservedFlagsError = from.reservedFlagsError;
            rxNotMapped = from.rxNotMapped;
            rxFull = from.rxFull;
            descriptorsPerUuid = from.descriptorsPerUuid;
        }

        public Builder spmcId(EndpointId value) {
            spmcId = value;
            return this;
        }

        public Builder normalWorldFeatureIds(Map<Integer, Integer> value) {
            normalWorldFeatureIds = value;
            return this;
        }

        public Builder secureWorldFeatureIds(Map<Integer, Integer> value) {
            secureWorldFeatureIds = value;
            return this;
        }

        public Builder functionProperties(Map<FunctionId, Integer> value) {
            functionProperties = value;
            return this;
        }

        public Builder featuresInputNonZero(FfaError value) {
            featuresInputNonZero = value;
            return this;
        }

        public Builder retrieveNsBit(RetrieveNsBit value) {
            retrieveNsBit = value;
            return this;
        }

        public Builder v10DescriptorSizeReported(int value) {
            v10DescriptorSizeReported = value;
            return this;
        }

        public Builder descriptorSizeV11(int value) {
            descriptorSizeV11 = value;
            return this;
        }

        public Builder reservedFlagsError(Optional<FfaError> value) {
            reservedFlagsError = value;
            return this;
        }

        public Builder rxNotMapped(FfaError value) {
            rxNotMapped = value;
            return this;
        }

        public Builder rxFull(FfaError value) {
            rxFull = value;
            return this;
        }

        public Builder descriptorsPerUuid(DescriptorsPerUuid value) {
            descriptorsPerUuid = value;
            return this;
        }

        /** The choices; fails naming the first one not set. */
        public DiscoveryChoices build() {
            return new DiscoveryChoices(set(spmcId, "spmcId"),
                    set(normalWorldFeatureIds, "normalWorldFeatureIds"),
                    set(secureWorldFeatureIds, "secureWorldFeatureIds"),
                    set(functionProperties, "functionProperties"),
                    set(featuresInputNonZero, "featuresInputNonZero"),
                    set(retrieveNsBit, "retrieveNsBit"),
                    set(v10DescriptorSizeReported, "v10DescriptorSizeReported"),
                    set(descriptorSizeV11, "descriptorSizeV11"),
                    set(reservedFlagsError, "reservedFlagsError"),
                    set(rxNotMapped, "rxNotMapped"),
                    set(rxFull, "rxFull"),
                    set(descriptorsPerUuid, "descriptorsPerUuid"));
        }

        private static <T> T set(T value, String component) {
            if (value == null) {
                throw new IllegalStateException("DiscoveryChoices." + component + " is not set");
            }
            return value;
        }
    }
}
