package org.fwcts.model.ffa.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.BUSY;
import static org.fwcts.model.ffa.PredictionAssert.DENIED;
import static org.fwcts.model.ffa.PredictionAssert.FFA_SUCCESS_64;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.HexBytes;
import org.fwcts.model.ffa.ModelWalk;
import org.fwcts.model.ffa.PredictionAssert;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.profile.AgentTopologies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * FFA_PARTITION_INFO_GET and _REGS against one partition: ID 0x8001, 32 contexts, properties
 * 0x303 (direct requests in and out, DIRECT_REQ2 in, AArch64), UUID 3f2f9d6a-8c41-4b7e-9a35-0d1c2b4e6f70.
 */
@DisplayName("FFA_PARTITION_INFO_GET")
class PartitionInfoTests {
    private static final long FFA_VERSION = FfaFunction.FFA_VERSION.x0();
    private static final long INFO_GET = FfaFunction.FFA_PARTITION_INFO_GET.x0();
    private static final long INFO_GET_REGS = FfaFunction.FFA_PARTITION_INFO_GET_REGS.x0Smc64();
    private static final long RXTX_MAP_64 = FfaFunction.FFA_RXTX_MAP.x0Smc64();
    private static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.x0();
    private static final long TX = 0x8800_0000L;
    private static final long RX = 0x8800_1000L;
    private static final EndpointId NWD = EndpointId.HYPERVISOR;
    /** The UUID as four little-endian words: its bytes in string order. */
    private static final long[] UUID_WORDS = {0x6a9d2f3fL, 0x7e4b418cL, 0x1c0d359aL, 0x706f4e2bL};
    private static final String UUID_BYTES = "3f2f9d6a 8c414b7e 9a350d1c 2b4e6f70";

    private static ModelWalk mapped(String profile, long version) {
        ModelWalk walk = new ModelWalk(SpmcProfiles.named(profile).orElseThrow(),
                AgentTopologies.normalWorldAndOnePartition(32));
        walk.call(NWD, FFA_VERSION, version);
        assertSuccess(walk.call(NWD, RXTX_MAP_64, TX, RX, 1));
        return walk;
    }

    private static FfaPrediction infoGet(ModelWalk walk, long w1, long w2, long w3, long w4, long flags) {
        return walk.call(new FfaCall(NWD, Registers.of(INFO_GET, w1, w2, w3, w4, flags), new byte[0]));
    }

    @Nested
    @DisplayName("at TF-A's EL3 SPMC")
    class TfaEl3Spmc {

        @Test
        @DisplayName("writes one 24-byte descriptor for the nil UUID, hands over the RX buffer, and is BUSY until released")
        void nilUuid() {
            ModelWalk walk = mapped("tfa-el3-spmc", 0x1_0002L);
            FfaPrediction answer = infoGet(walk, 0, 0, 0, 0, 0);
            assertSuccess(answer.registers());
            assertRegister(answer.registers(), 2, 1);
            assertRegister(answer.registers(), 3, 24);
            assertThat(answer.rx().orElseThrow().encode())
                    .isEqualTo(HexBytes.of("0180 2000 03030000 " + UUID_BYTES));
            assertError(infoGet(walk, 0, 0, 0, 0, 0).registers(), BUSY);
            assertSuccess(walk.call(NWD, RX_RELEASE));
            assertError(walk.call(NWD, RX_RELEASE), DENIED);
        }

        @Test
        @DisplayName("gives a v1.0 caller 8-byte descriptors with properties [2:0] and leaves w3 zero")
        void v10Caller() {
            FfaPrediction answer = infoGet(mapped("tfa-el3-spmc", 0x1_0000L), 0, 0, 0, 0, 0);
            assertRegister(answer.registers(), 3, 0);
            assertThat(answer.rx().orElseThrow().encode()).isEqualTo(HexBytes.of("0180 2000 03000000"));
        }

        @Test
        @DisplayName("zeroes the UUID field when asked for a specific UUID, and refuses a UUID nobody serves")
        void specificUuid() {
            ModelWalk walk = mapped("tfa-el3-spmc", 0x1_0002L);
            FfaPrediction answer = infoGet(walk, UUID_WORDS[0], UUID_WORDS[1], UUID_WORDS[2], UUID_WORDS[3], 0);
            assertThat(answer.rx().orElseThrow().encode())
                    .isEqualTo(HexBytes.of("0180 2000 03030000 00000000 00000000 00000000 00000000"));
            assertSuccess(walk.call(NWD, RX_RELEASE));
            assertError(infoGet(walk, 1, 2, 3, 4, 0).registers(), INVALID_PARAMETERS);
        }

        @Test
        @DisplayName("counts without writing when flag bit 0 is set, and ignores reserved flags")
        void countOnly() {
            ModelWalk walk = mapped("tfa-el3-spmc", 0x1_0001L);
            FfaPrediction answer = infoGet(walk, 0, 0, 0, 0, 1);
            assertRegister(answer.registers(), 2, 1);
            assertRegister(answer.registers(), 3, 0);
            assertThat(answer.rx()).isEmpty();
            assertError(walk.call(NWD, RX_RELEASE), DENIED);
            assertSuccess(infoGet(walk, 0, 0, 0, 0, 2).registers());
        }

        @Test
        @DisplayName("is BUSY for a caller without an RX buffer")
        void noBuffer() {
            ModelWalk walk = new ModelWalk(SpmcProfiles.tfaEl3Spmc(), AgentTopologies.normalWorldAndOnePartition(32));
            walk.call(NWD, FFA_VERSION, 0x1_0002L);
            assertError(infoGet(walk, 0, 0, 0, 0, 0).registers(), BUSY);
        }
    }

    @Nested
    @DisplayName("at Hafnium")
    class Hafnium {

        @Test
        @DisplayName("writes its 48-byte layout to v1.1+ callers and reports w3 = 8 to v1.0 callers")
        void sizes() {
            FfaPrediction answer = infoGet(mapped("hafnium", 0x1_0002L), 0, 0, 0, 0, 0);
            assertRegister(answer.registers(), 3, 48);
            assertRegister(infoGet(mapped("hafnium", 0x1_0000L), 0, 0, 0, 0, 0).registers(), 3, 8);
        }

        @Test
        @DisplayName("refuses reserved flag bits with INVALID_PARAMETERS")
        void reservedFlags() {
            assertError(infoGet(mapped("hafnium", 0x1_0002L), 0, 0, 0, 0, 2).registers(), INVALID_PARAMETERS);
        }

        @Test
        @DisplayName("_REGS packs last index, current index, tag and size in x2 and the descriptor from x3")
        void regs() {
            ModelWalk walk = mapped("hafnium", 0x1_0002L);
            Prediction p = walk.call(NWD, INFO_GET_REGS, 0, 0, 0);
            assertRegister(p, 0, FFA_SUCCESS_64);
            assertRegister(p, 2, 48L << 48);
            assertRegister(p, 3, 0x0000_0303_0020_8001L);
            assertRegister(p, 4, UUID_WORDS[1] << 32 | UUID_WORDS[0]);
            assertRegister(p, 5, UUID_WORDS[3] << 32 | UUID_WORDS[2]);
            assertError(walk.call(NWD, INFO_GET_REGS, 0, 0, 1), INVALID_PARAMETERS);
            assertError(walk.call(NWD, INFO_GET_REGS, 0, 0, 1L << 16), PredictionAssert.RETRY);
        }
    }
}
