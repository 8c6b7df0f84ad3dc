package org.fwcts.model.ffa.discovery;

import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.ModelWalk;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.profile.AgentTopologies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** FFA_VERSION negotiation, stated per implementation (DEN0077A "FFA_VERSION"; ffa-abi.md §3). */
@DisplayName("FFA_VERSION")
class VersionNegotiationTests {
    private static final long FFA_VERSION = FfaFunction.FFA_VERSION.x0();
    private static final long FFA_ID_GET = FfaFunction.FFA_ID_GET.x0();
    /** FFA_FEATURES(FFA_VERSION): a call that reaches TF-A's SPMC (its SPMD answers FFA_ID_GET itself). */
    private static final long[] FEATURES = {FfaFunction.FFA_FEATURES.x0(), FfaFunction.FFA_VERSION.x0()};
    private static final EndpointId NWD = EndpointId.HYPERVISOR;

    private static ModelWalk walk(String profile) {
        return new ModelWalk(SpmcProfiles.named(profile).orElseThrow(), AgentTopologies.normalWorldAndOnePartition(8));
    }

    @Test
    @DisplayName("refuses a request with bit 31 set, in w0, in every implementation")
    void bit31() {
        for (String profile : SpmcProfiles.names()) {
            assertRegister(walk(profile).call(NWD, FFA_VERSION, 0x8001_0001L), 0, NOT_SUPPORTED);
        }
    }

    @Nested
    @DisplayName("at TF-A's EL3 SPMC (v1.2)")
    class TfaEl3Spmc {
        private final ModelWalk walk = walk("tfa-el3-spmc");

        @Test
        @DisplayName("answers 1.2 to a compatible 1.1 caller, then reports the agreed 1.1 once negotiation closed")
        void agreedThenReported() {
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0001L), 0, 0x1_0002L);
            assertSuccess(walk.call(NWD, FEATURES));
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0002L), 0, 0x1_0001L);
        }

        @Test
        @DisplayName("refuses every other call before a version is agreed, and FFA_VERSION after that")
        void agreementRequired() {
            assertError(walk.call(NWD, FEATURES), NOT_SUPPORTED);
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0002L), 0, NOT_SUPPORTED);
        }

        @Test
        @DisplayName("answers its own version to a newer caller and records nothing")
        void newerCaller() {
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0003L), 0, 0x1_0002L);
            assertRegister(walk.call(NWD, FFA_VERSION, 0x2_0000L), 0, 0x1_0002L);
            assertError(walk.call(NWD, FEATURES), NOT_SUPPORTED);
        }

        @Test
        @DisplayName("answers FFA_ID_GET in front of the SPMC: no version needed, and negotiation stays open")
        void idGetOutsideNegotiation() {
            assertSuccess(walk.call(NWD, FFA_ID_GET));
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0001L), 0, 0x1_0002L);
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0000L), 0, 0x1_0002L);
            assertSuccess(walk.call(NWD, FEATURES));
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0002L), 0, 0x1_0000L);
        }
    }

    @Nested
    @DisplayName("at Hafnium (v1.3)")
    class Hafnium {
        private final ModelWalk walk = walk("hafnium");

        @Test
        @DisplayName("refuses an incompatible request with NOT_SUPPORTED")
        void incompatible() {
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0004L), 0, NOT_SUPPORTED);
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0002L), 0, 0x1_0003L);
        }

        @Test
        @DisplayName("after negotiation closed, accepts the agreed version again and refuses any other")
        void sameVersionOnly() {
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0002L), 0, 0x1_0003L);
            assertSuccess(walk.call(NWD, FFA_ID_GET));
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0002L), 0, 0x1_0003L);
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0001L), 0, NOT_SUPPORTED);
        }

        @Test
        @DisplayName("serves other calls without a negotiated version")
        void noAgreementNeeded() {
            assertSuccess(walk.call(NWD, FFA_ID_GET));
        }
    }

    @Nested
    @DisplayName("at OP-TEE (v1.2)")
    class Optee {
        private final ModelWalk walk = walk("optee");

        @Test
        @DisplayName("records the lower of the two versions and lets the caller renegotiate at any time")
        void renegotiates() {
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0005L), 0, 0x1_0002L);
            assertSuccess(walk.call(NWD, FFA_ID_GET));
            assertRegister(walk.call(NWD, FFA_VERSION, 0x1_0000L), 0, 0x1_0002L);
            org.assertj.core.api.Assertions.assertThat(walk.state().endpoint(NWD).version().agreed())
                    .contains(org.fwcts.model.SpecVersion.of(1, 0));
        }
    }
}
