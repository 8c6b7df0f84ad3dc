package org.fwcts.model.ffa.discovery;

import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;

import org.fwcts.model.ffa.EndpointId;
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
    private static final long FFA_VERSION = 0x8400_0063L;
    private static final long FFA_FEATURES = 0x8400_0064L;
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

        @ParameterizedTest(name = "FFA_FEATURES(0x{0}) from the normal world: provided={1}")
        @CsvSource({"84000066, true", "C4000066, true", "84000073, true", "C4000072, true", "84000077, true",
                "84000071, false", "84000086, false", "8400007F, false", "84000070, false", "8400006B, false",
                "C400008B, false", "84000085, true", "C400008D, true"})
        @DisplayName("reports exactly the functions the normal world may call")
        void normalWorldFunctions(String function, boolean provided) {
            Prediction p = walk.call(NWD, FFA_FEATURES, Long.parseLong(function, 16));
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
            assertSuccess(walk.call(SP, FFA_FEATURES, 0x8400_0070L));
            assertSuccess(walk.call(SP, FFA_FEATURES, 0x8400_0076L));
            assertError(walk.call(SP, FFA_FEATURES, 0x8400_0073L), NOT_SUPPORTED);
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
            assertError(walk.call(NWD, FFA_FEATURES, 0x8400_0066L, 1), NOT_SUPPORTED);
        }

        @Test
        @DisplayName("MEM_RETRIEVE_REQ: the normal world must not ask for NS-bit handling; a v1.2 partition must")
        void retrieveNsBit() {
            assertError(walk.call(NWD, FFA_FEATURES, 0x8400_0074L, 2), NOT_SUPPORTED);
            assertSuccess(walk.call(NWD, FFA_FEATURES, 0x8400_0074L, 0));
            assertError(walk.call(SP, FFA_FEATURES, 0x8400_0074L, 0), NOT_SUPPORTED);
            Prediction p = walk.call(SP, FFA_FEATURES, 0xC400_0074L, 2);
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
            assertRegister(negotiated("hafnium", 0x1_0002L).call(NWD, FFA_FEATURES, 0xC400_0066L), 2, 0x1_0000L);
            assertRegister(negotiated("hafnium", 0x1_0001L).call(NWD, FFA_FEATURES, 0xC400_0066L), 2, 0);
            assertError(negotiated("hafnium", 0x1_0002L).call(NWD, FFA_FEATURES, 0x8400_0066L), NOT_SUPPORTED);
        }
    }
}
