package org.fwcts.model.ffa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.FFA_SUCCESS_32;
import static org.fwcts.model.ffa.PredictionAssert.FFA_SUCCESS_64;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.notification.NotificationWalk.BIND;
import static org.fwcts.model.ffa.notification.NotificationWalk.BITMAP_CREATE;
import static org.fwcts.model.ffa.notification.NotificationWalk.GET;
import static org.fwcts.model.ffa.notification.NotificationWalk.INFO_GET_32;
import static org.fwcts.model.ffa.notification.NotificationWalk.INFO_GET_64;
import static org.fwcts.model.ffa.notification.NotificationWalk.NO_DATA;
import static org.fwcts.model.ffa.notification.NotificationWalk.SET;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP1;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP2;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM0;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM1;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM2;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.prediction.Prediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FFA_NOTIFICATION_INFO_GET: x2 bit 0 = more pending, x2[11:7] = list count, two bits per list
 * from bit 12 = IDs in it minus 1; x3–x7 = 16-bit IDs, four per register (SMC64) or two (SMC32).
 */
@DisplayName("FFA_NOTIFICATION_INFO_GET")
class InfoGetTests {

    static Stream<SpmcProfile> implementations() {
        return Stream.of(SpmcProfiles.hafnium(), SpmcProfiles.optee());
    }

    private static void assertIds(Prediction listed, long success, long x2, long... x3ToX7) {
        assertRegister(listed, 0, success);
        assertRegister(listed, 1, 0);
        assertRegister(listed, 2, x2);
        for (int i = 0; i < 5; i++) {
            assertRegister(listed, 3 + i, i < x3ToX7.length ? x3ToX7[i] : 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    @DisplayName("with nothing pending returns FFA_ERROR(NO_DATA = 0xFFFFFFF7)")
    void noData(SpmcProfile profile) {
        assertError(new NotificationWalk(profile).call(VM0, INFO_GET_64), NO_DATA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    @DisplayName("only the scheduler (ID 0) may call it: from VM 1 it is NOT_SUPPORTED")
    void vmMayNotCall(SpmcProfile profile) {
        assertError(new NotificationWalk(profile).call(VM1, INFO_GET_64), NOT_SUPPORTED);
    }

    @Nested
    @DisplayName("at Hafnium")
    class Hafnium {
        private final NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());

        private void signalSp1Sp2AndVm0() {
            walk.call(VM0, BITMAP_CREATE, 0x0000, 8);
            walk.call(VM0, BIND, 0x8001_0000L, 0, 0x1, 0);
            walk.call(SP1, BIND, 0x8002_8001L, 0, 0x1, 0);
            walk.call(SP2, BIND, 0x8001_8002L, 0, 0x1, 0);
            walk.call(SP1, SET, 0x8001_0000L, 0, 0x1, 0);
            walk.call(SP2, SET, 0x8002_8001L, 0, 0x1, 0);
            walk.call(SP1, SET, 0x8001_8002L, 0, 0x1, 0);
        }

        @Test
        @DisplayName("lists partitions first, then VM 0: x2 = 3 lists of one ID, x3 = 0x0000_8002_8001")
        void listsReceivers() {
            signalSp1Sp2AndVm0();

            assertIds(walk.call(VM0, INFO_GET_64), FFA_SUCCESS_64, 3 << 7, 0x0000_8002_8001L);
        }

        @Test
        @DisplayName("lists each pending notification once: a second call has NO_DATA until something new is set")
        void reportsOnce() {
            signalSp1Sp2AndVm0();
            walk.call(VM0, INFO_GET_64);

            assertError(walk.call(VM0, INFO_GET_64), NO_DATA);
            walk.call(SP1, GET, 0x0000_8001L, 0x1);
            walk.call(SP2, SET, 0x8002_8001L, 0, 0x1, 0);
            assertIds(walk.call(VM0, INFO_GET_64), FFA_SUCCESS_64, 1 << 7, 0x8001L);
        }

        @Test
        @DisplayName("VMs follow VM 0 in slot order")
        void vmsBySlot() {
            walk.call(VM0, BITMAP_CREATE, 0x0002, 1);
            walk.call(VM0, BITMAP_CREATE, 0x0001, 1);
            walk.call(VM0, BIND, 0x8001_0001L, 0, 0x1, 0);
            walk.call(VM0, BIND, 0x8001_0002L, 0, 0x1, 0);
            walk.call(SP1, SET, 0x8001_0001L, 0, 0x1, 0);
            walk.call(SP1, SET, 0x8001_0002L, 0, 0x1, 0);

            assertIds(walk.call(VM0, INFO_GET_64), FFA_SUCCESS_64, 2 << 7, 0x0001_0002L);
            assertThat(walk.notifications().vmSlots()).containsExactly(VM2, VM1);
        }

        @Test
        @DisplayName("SMC32 is not provided (Hafnium implements only the SMC64 function): NOT_SUPPORTED")
        void smc32NotProvided() {
            assertError(walk.call(VM0, INFO_GET_32), NOT_SUPPORTED);
        }

        @Test
        @DisplayName("a partition may not call it: NOT_SUPPORTED")
        void partitionMayNotCall() {
            assertError(walk.call(SP1, INFO_GET_64), NOT_SUPPORTED);
        }
    }

    @Nested
    @DisplayName("with 22 partitions pending, more than the 20 IDs x3-x7 hold (Hafnium)")
    class MorePending {
        private final NotificationWalk walk;

        MorePending() {
            List<Partition> partitions = new ArrayList<>();
            for (int i = 1; i <= 22; i++) {
                partitions.add(NotificationWalk.partition(EndpointId.of(0x8000 + i), 1,
                        Partition.RECEIVES_NOTIFICATIONS, SpecVersion.of(1, 1)));
            }
            walk = new NotificationWalk(SpmcProfiles.hafnium(), new Topology(List.of(VM0), partitions, List.of()));
            walk.update(state -> {
                NotificationState signalled = state;
                for (Partition partition : partitions) {
                    signalled = signalled.raise(partition.id(), VM0, 0x1);
                }
                return signalled;
            });
        }

        @Test
        @DisplayName("lists the first 20 with bit 0 set (x2 = 0xA01), then the last 2 with bit 0 clear (x2 = 0x100)")
        void twoCalls() {
            assertIds(walk.call(VM0, INFO_GET_64), FFA_SUCCESS_64, 0xA01, 0x8004_8003_8002_8001L,
                    0x8008_8007_8006_8005L, 0x800C_800B_800A_8009L, 0x8010_800F_800E_800DL, 0x8014_8013_8012_8011L);
            assertIds(walk.call(VM0, INFO_GET_64), FFA_SUCCESS_64, 0x100, 0x8016_8015L);
        }
    }

    @Nested
    @DisplayName("at OP-TEE")
    class Optee {
        private final NotificationWalk walk = new NotificationWalk(SpmcProfiles.optee());

        @Test
        @DisplayName("SMC64 lists VM 0 with FFA_SUCCESS_64: x2 = 0x80, x3 = 0")
        void smc64() {
            walk.update(state -> state.raise(VM0, SP1, 0x1));

            assertIds(walk.call(VM0, INFO_GET_64), FFA_SUCCESS_64, 1 << 7);
        }

        @Test
        @DisplayName("SMC32 answers FFA_SUCCESS_32 and packs two IDs per register")
        void smc32() {
            walk.update(state -> state.raise(SP1, VM0, 0x1).raise(SP2, VM0, 0x1).raise(VM0, SP1, 0x1));

            assertIds(walk.call(VM0, INFO_GET_32), FFA_SUCCESS_32, 3 << 7, 0x8002_8001L, 0x0000L);
        }

        @Test
        @DisplayName("non-zero x1-x7 are INVALID_PARAMETERS")
        void reservedRegisters() {
            walk.update(state -> state.raise(VM0, SP1, 0x1));
            assertError(walk.call(VM0, INFO_GET_64, 0, 0, 0, 0, 0, 0, 1), INVALID_PARAMETERS);
        }
    }
}
