package org.fwcts.model.ffa.rxtx;

import static org.fwcts.model.ffa.PredictionAssert.DENIED;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.ModelWalk;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.profile.AgentTopologies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RX/TX buffer management (DEN0077A "FFA_RXTX_MAP", "FFA_RXTX_UNMAP", "FFA_RX_RELEASE"; ffa-abi.md §7). */
@DisplayName("RX/TX buffers")
class MailboxTests {
    private static final long FFA_VERSION = FfaFunction.FFA_VERSION.x0();
    private static final long MAP_32 = FfaFunction.FFA_RXTX_MAP.x0();
    private static final long MAP_64 = FfaFunction.FFA_RXTX_MAP.x0Smc64();
    private static final long UNMAP = FfaFunction.FFA_RXTX_UNMAP.x0();
    private static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.x0();
    private static final EndpointId NWD = EndpointId.HYPERVISOR;

    private static ModelWalk negotiated(String profile) {
        ModelWalk walk = new ModelWalk(SpmcProfiles.named(profile).orElseThrow(),
                AgentTopologies.normalWorldAndOnePartition(8));
        walk.call(NWD, FFA_VERSION, 0x1_0002L);
        return walk;
    }

    @Nested
    @DisplayName("at TF-A's EL3 SPMC")
    class TfaEl3Spmc {
        private final ModelWalk walk = negotiated("tfa-el3-spmc");

        @ParameterizedTest(name = "TX 0x{0}, RX 0x{1}, {2} page(s): {3}")
        @CsvSource({"0, 88001000, 1, a zero address", "88000000, 0, 1, a zero address",
                "88000000, 88000000, 1, the same buffer twice", "88000800, 88002000, 1, an unaligned buffer",
                "88000000, 88001000, 0, no pages", "88000000, 88001000, 2, overlapping buffers",
                "88000000, 88040000, 32, more pages than the 0x1F mask keeps (32 & 0x1F = 0)"})
        @DisplayName("refuses bad buffers with INVALID_PARAMETERS")
        void badBuffers(String tx, String rx, int pages, String why) {
            assertError(walk.call(NWD, MAP_64, Long.parseLong(tx, 16), Long.parseLong(rx, 16), pages),
                    INVALID_PARAMETERS);
        }

        @Test
        @DisplayName("maps once (SMC32 too), is DENIED a second map, unmaps once, and then INVALID_PARAMETERS")
        void mapUnmap() {
            assertSuccess(walk.call(NWD, MAP_32, 0x8800_0000L, 0x8800_1000L, 1));
            assertError(walk.call(NWD, MAP_64, 0x8900_0000L, 0x8900_1000L, 1), DENIED);
            assertError(walk.call(NWD, UNMAP, 0x1_0000L), INVALID_PARAMETERS);
            assertSuccess(walk.call(NWD, UNMAP));
            assertError(walk.call(NWD, UNMAP), INVALID_PARAMETERS);
            assertSuccess(walk.call(NWD, MAP_64, 0x8900_0000L, 0x8900_1000L, 1));
        }

        @Test
        @DisplayName("denies RX_RELEASE when nothing was delivered")
        void releaseEmpty() {
            assertError(walk.call(NWD, RX_RELEASE), DENIED);
            assertSuccess(walk.call(NWD, MAP_64, 0x8800_0000L, 0x8800_1000L, 1));
            assertError(walk.call(NWD, RX_RELEASE), DENIED);
        }
    }

    @Nested
    @DisplayName("at Hafnium")
    class Hafnium {
        private final ModelWalk walk = negotiated("hafnium");

        @Test
        @DisplayName("provides only the SMC64 map and at most one page")
        void limits() {
            assertError(walk.call(NWD, MAP_32, 0x8800_0000L, 0x8800_1000L, 1), NOT_SUPPORTED);
            assertError(walk.call(NWD, MAP_64, 0x8800_0000L, 0x8800_2000L, 2), INVALID_PARAMETERS);
            assertSuccess(walk.call(NWD, MAP_64, 0x8800_0000L, 0x8800_1000L, 1));
        }
    }
}
