package org.fwcts.model.ffa.discovery;

import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.ModelWalk;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.profile.AgentTopologies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FFA_FEATURES for function and feature IDs (DEN0077A "FFA_FEATURES"; ffa-abi.md §4). */
@DisplayName("FFA_FEATURES")
class FeaturesTests {
    private static final long FFA_VERSION = FfaFunction.FFA_VERSION.x0();
    private static final long FFA_FEATURES = FfaFunction.FFA_FEATURES.x0();
    private static final EndpointId NWD = EndpointId.HYPERVISOR;
    private static final EndpointId SP = EndpointId.of(0x8001);

    private static ModelWalk negotiated(String profile, long version) {
        ModelWalk walk = new ModelWalk(SpmcProfiles.named(profile).orElseThrow(),
                AgentTopologies.normalWorldAndOnePartition(8));
        walk.call(NWD, FFA_VERSION, version);
        walk.call(SP, FFA_VERSION, version);
        return walk;
    }

    @Nested
    @DisplayName("at TF-A's EL3 SPMC")
    class TfaEl3Spmc {
        private final ModelWalk walk = negotiated("tfa-el3-spmc", 0x1_0002L);

        @ParameterizedTest(name = "FFA_FEATURES({0} {1}) from the normal world: provided={2}")
        @CsvSource({"FFA_RXTX_MAP, SMC32, true", "FFA_RXTX_MAP, SMC64, true", "FFA_MEM_SHARE, SMC32, true",
                "FFA_MEM_LEND, SMC64, true", "FFA_MEM_RECLAIM, SMC32, true", "FFA_MEM_DONATE, SMC32, false",
                "FFA_MSG_SEND2, SMC32, false", "FFA_NOTIFICATION_BIND, SMC32, false",
                "FFA_MSG_SEND_DIRECT_RESP, SMC32, false", "FFA_MSG_WAIT, SMC32, false",
                "FFA_PARTITION_INFO_GET_REGS, SMC64, false", "FFA_SPM_ID_GET, SMC32, true",
                "FFA_MSG_SEND_DIRECT_REQ2, SMC64, true"})
        @DisplayName("reports exactly the functions the normal world may call")
        void normalWorldFunctions(FfaFunction function, String convention, boolean provided) {
            long id = convention.equals("SMC64") ? function.x0Smc64() : function.x0();
            Prediction p = walk.call(NWD, FFA_FEATURES, id);
            if (provided) {
                assertSuccess(p);
                assertRegister(p, 2, 0);
            } else {
                assertError(p, NOT_SUPPORTED);
            }
        }

        @Test
        @DisplayName("reports partition-only functions to a partition and not memory sends")
        void secureFunctions() {
            assertSuccess(walk.call(SP, FFA_FEATURES, FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0()));
            assertSuccess(walk.call(SP, FFA_FEATURES, FfaFunction.FFA_MEM_RELINQUISH.x0()));
            assertError(walk.call(SP, FFA_FEATURES, FfaFunction.FFA_MEM_SHARE.x0()), NOT_SUPPORTED);
        }

        @Test
        @DisplayName("implements no feature IDs")
        void noFeatureIds() {
            for (long feature = 1; feature <= 4; feature++) {
                assertError(walk.call(NWD, FFA_FEATURES, feature), NOT_SUPPORTED);
            }
        }

        @Test
        @DisplayName("refuses input properties on a query that takes none")
        void inputProperties() {
            assertError(walk.call(NWD, FFA_FEATURES, FfaFunction.FFA_RXTX_MAP.x0(), 1), NOT_SUPPORTED);
        }

        @Test
        @DisplayName("MEM_RETRIEVE_REQ: the normal world must not ask for NS-bit handling; a v1.2 partition must")
        void retrieveNsBit() {
            assertError(walk.call(NWD, FFA_FEATURES, FfaFunction.FFA_MEM_RETRIEVE_REQ.x0(), 2), NOT_SUPPORTED);
            assertSuccess(walk.call(NWD, FFA_FEATURES, FfaFunction.FFA_MEM_RETRIEVE_REQ.x0(), 0));
            assertError(walk.call(SP, FFA_FEATURES, FfaFunction.FFA_MEM_RETRIEVE_REQ.x0(), 0), NOT_SUPPORTED);
            Prediction p = walk.call(SP, FFA_FEATURES, FfaFunction.FFA_MEM_RETRIEVE_REQ.x0Smc64(), 2);
            assertSuccess(p);
            assertRegister(p, 2, 2);
        }
    }

    @Nested
    @DisplayName("at Hafnium")
    class Hafnium {
        @Test
        @DisplayName("gives the SRI (8) to the normal world, NPI (5) and MEI (4) to partitions")
        void interruptIds() {
            ModelWalk walk = negotiated("hafnium", 0x1_0002L);
            assertRegister(walk.call(NWD, FFA_FEATURES, 2), 2, 8);
            assertError(walk.call(NWD, FFA_FEATURES, 1), NOT_SUPPORTED);
            assertRegister(walk.call(SP, FFA_FEATURES, 1), 2, 5);
            assertRegister(walk.call(SP, FFA_FEATURES, 3), 2, 4);
            assertError(walk.call(SP, FFA_FEATURES, 0x102), NOT_SUPPORTED);
        }

        @Test
        @DisplayName("reports RXTX_MAP's maximum page count in w2[31:16] to v1.2 callers only, and no SMC32 form")
        void rxtxMapProperties() {
            assertRegister(negotiated("hafnium", 0x1_0002L).call(NWD, FFA_FEATURES, FfaFunction.FFA_RXTX_MAP.x0Smc64()), 2, 0x1_0000L);
            assertRegister(negotiated("hafnium", 0x1_0001L).call(NWD, FFA_FEATURES, FfaFunction.FFA_RXTX_MAP.x0Smc64()), 2, 0);
            assertError(negotiated("hafnium", 0x1_0002L).call(NWD, FFA_FEATURES, FfaFunction.FFA_RXTX_MAP.x0()), NOT_SUPPORTED);
        }
    }
}
