package org.fwcts.model.ffa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.notification.NotificationWalk.BIND;
import static org.fwcts.model.ffa.notification.NotificationWalk.BITMAP_CREATE;
import static org.fwcts.model.ffa.notification.NotificationWalk.GET;
import static org.fwcts.model.ffa.notification.NotificationWalk.SET;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP1;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP2;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM0;

import java.util.stream.Stream;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.prediction.Prediction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FFA_NOTIFICATION_GET: w1 = vCPU[31:16] | receiver[15:0], w2 bit 0 SP, bit 1 VM, bit 2 SPM
 * framework, bit 3 hypervisor framework; returns w2/w3 SP, w4/w5 VM, w6 SPM and w7 hypervisor
 * framework bitmaps and clears them.
 */
@DisplayName("FFA_NOTIFICATION_GET")
class GetTests {

    private static void assertBitmaps(Prediction got, long w2, long w3, long w4, long w5, long w6, long w7) {
        assertSuccess(got);
        assertRegister(got, 1, 0);
        long[] expected = {w2, w3, w4, w5, w6, w7};
        for (int i = 0; i < expected.length; i++) {
            assertRegister(got, 2 + i, expected[i]);
        }
    }

    @Nested
    @DisplayName("at Hafnium, for partition 0x8001 with IDs 1 and 33 pending from 0x8002, ID 0 from VM 0"
            + " and both RX-buffer-full framework notifications")
    class HafniumPartition {
        private final NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());

        @BeforeEach
        void signal() {
            walk.call(SP1, BIND, 0x8002_8001L, 0, 0x2, 0x2);
            walk.call(SP1, BIND, 0x0000_8001L, 0, 0x1, 0);
            walk.call(SP2, SET, 0x8002_8001L, 0, 0x2, 0x2);
            walk.call(VM0, SET, 0x0000_8001L, 0, 0x1, 0);
            walk.update(state -> state.raiseFramework(SP1, NotificationState.RX_FULL_FROM_SPM)
                    .raiseFramework(SP1, NotificationState.RX_FULL_FROM_HYPERVISOR));
        }

        @Test
        @DisplayName("w2 = 0xF returns every bitmap and leaves nothing pending")
        void everything() {
            assertBitmaps(walk.call(SP1, GET, 0x0000_8001L, 0xF), 0x2, 0x2, 0x1, 0, 0x1, 0x1);

            assertThat(walk.receiver(SP1).pending().any()).isFalse();
            assertBitmaps(walk.call(SP1, GET, 0x0000_8001L, 0xF), 0, 0, 0, 0, 0, 0);
        }

        @Test
        @DisplayName("w2 = 0x1 returns and clears the SP bitmap only; the others stay pending")
        void spOnly() {
            assertBitmaps(walk.call(SP1, GET, 0x0003_8001L, 0x1), 0x2, 0x2, 0, 0, 0, 0);

            assertThat(walk.receiver(SP1).pending()).isEqualTo(new NotificationBitmaps(0, 0x1, 0x1_0000_0001L));
        }

        @Test
        @DisplayName("either framework flag returns (and clears) both framework bitmaps, as Hafnium keeps one")
        void frameworkTogether() {
            assertBitmaps(walk.call(SP1, GET, 0x0000_8001L, 0x4), 0, 0, 0, 0, 0x1, 0x1);
            assertThat(walk.receiver(SP1).pending().framework()).isZero();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.fwcts.model.ffa.notification.GetTests#hafniumMisuses")
        @DisplayName("refuses with INVALID_PARAMETERS when")
        void refuses(String what, EndpointId caller, long w1, long w2) {
            NotificationState before = walk.notifications();
            assertError(walk.call(caller, GET, w1, w2), INVALID_PARAMETERS);
            assertThat(walk.notifications()).isEqualTo(before);
        }
    }

    static Stream<Arguments> hafniumMisuses() {
        return Stream.of(
                Arguments.of("w2[31:4] is not zero", SP1, 0x0000_8001L, 0x11L),
                Arguments.of("a partition asks for another's", SP2, 0x0000_8001L, 0x1L),
                Arguments.of("the normal world asks for a partition's", VM0, 0x0000_8001L, 0x1L),
                Arguments.of("the vCPU ID is not below the vCPU count (0x8002 has 1)", SP2, 0x0001_8002L, 0x1L),
                Arguments.of("the normal world asks the SPMC for VM 0's VM bitmap", VM0, 0x0000_0000L, 0x2L),
                Arguments.of("the normal world asks the SPMC for VM 0's hypervisor bitmap", VM0, 0x0000_0000L, 0x8L));
    }

    @Nested
    @DisplayName("at Hafnium, for VM 0")
    class HafniumVmZero {
        private final NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());

        @Test
        @DisplayName("returns what a partition signalled, in w2/w3, with the SPM framework bitmap in w6")
        void fromPartition() {
            walk.call(VM0, BITMAP_CREATE, 0x0000, 8);
            walk.call(VM0, BIND, 0x8001_0000L, 0, 0, 0x8000_0000L);
            walk.call(SP1, SET, 0x8001_0000L, 0, 0, 0x8000_0000L);
            walk.update(state -> state.raiseFramework(VM0, NotificationState.RX_FULL_FROM_SPM));

            assertBitmaps(walk.call(VM0, GET, 0x0000_0000L, 0x5), 0, 0x8000_0000L, 0, 0, 0x1, 0);
            assertThat(walk.receiver(VM0).pending().any()).isFalse();
        }

        @Test
        @DisplayName("VM 0 runs on every PE, a count the model does not know: vCPU 5 may succeed or be INVALID")
        void unknownVcpuCount() {
            FfaOutcome outcome = walk.outcome(VM0, GET, 0x0005_0000L, 0x1);

            assertThat(outcome).isInstanceOf(FfaOutcome.Predicted.class);
            var alternatives = ((FfaOutcome.Predicted) outcome).alternatives();
            assertThat(alternatives).hasSize(2);
            assertSuccess(alternatives.get(0).registers());
            assertError(alternatives.get(1).registers(), INVALID_PARAMETERS);
        }
    }

    @Nested
    @DisplayName("at OP-TEE, which reads only w2 bit 0 and returns only the SP bitmap")
    class Optee {
        private final NotificationWalk walk = new NotificationWalk(SpmcProfiles.optee());

        @BeforeEach
        void signal() {
            walk.update(state -> state.raise(VM0, SP1, 0x1_0000_0004L)
                    .raiseFramework(VM0, NotificationState.RX_FULL_FROM_SPM));
        }

        @Test
        @DisplayName("w2 = 0x1 returns the SP bitmap in w2/w3, zero in w4-w7, and clears it")
        void returnsSpBitmap() {
            assertBitmaps(walk.call(VM0, GET, 0x0000_0000L, 0x1), 0x4, 0x1, 0, 0, 0, 0);
            assertThat(walk.receiver(VM0).pending().fromSp()).isZero();
        }

        @Test
        @DisplayName("without bit 0 it returns zeros and clears nothing, whatever the other bits and the receiver")
        void withoutSpBit() {
            assertBitmaps(walk.call(VM0, GET, 0x0000_0005L, 0xFFFF_FFFEL), 0, 0, 0, 0, 0, 0);
            assertThat(walk.receiver(VM0).pending()).isEqualTo(new NotificationBitmaps(0x1_0000_0004L, 0, 0x1));
        }

        @Test
        @DisplayName("a receiver other than VM 0, or non-zero x5-x7, is INVALID_PARAMETERS")
        void refuses() {
            assertError(walk.call(VM0, GET, 0x0000_0001L, 0x1), INVALID_PARAMETERS);
            assertError(walk.call(VM0, GET, 0x0000_0000L, 0x1, 0, 0, 0, 1), INVALID_PARAMETERS);
        }
    }
}
