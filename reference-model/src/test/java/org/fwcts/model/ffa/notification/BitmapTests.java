package org.fwcts.model.ffa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.DENIED;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.notification.NotificationWalk.BIND;
import static org.fwcts.model.ffa.notification.NotificationWalk.BITMAP_CREATE;
import static org.fwcts.model.ffa.notification.NotificationWalk.BITMAP_DESTROY;
import static org.fwcts.model.ffa.notification.NotificationWalk.SET;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP1;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM0;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM1;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM2;

import java.util.stream.Stream;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.prediction.Prediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** FFA_NOTIFICATION_BITMAP_CREATE (w1 = VM ID, w2 = vCPU count) and FFA_NOTIFICATION_BITMAP_DESTROY (w1 = VM ID). */
@DisplayName("Notification bitmaps")
class BitmapTests {

    static Stream<SpmcProfile> implementations() {
        return Stream.of(SpmcProfiles.hafnium(), SpmcProfiles.optee());
    }

    @Nested
    @DisplayName("FFA_NOTIFICATION_BITMAP_CREATE")
    class Create {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.fwcts.model.ffa.notification.BitmapTests#implementations")
        @DisplayName("gives VM 0 a bitmap and returns FFA_SUCCESS (w0 = FfaFunction.FFA_SUCCESS.x0())")
        void createsVmZero(SpmcProfile profile) {
            NotificationWalk walk = new NotificationWalk(profile);
            assertThat(walk.receiver(VM0).enabled()).isFalse();

            Prediction created = walk.call(VM0, BITMAP_CREATE, 0x0000, 8);

            assertSuccess(created);
            assertRegister(created, 2, 0);
            assertThat(walk.receiver(VM0).enabled()).isTrue();
        }

        @Test
        @DisplayName("records the vCPU count passed in w2 for a VM other than 0 (Hafnium)")
        void recordsVcpuCount() {
            NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());

            assertSuccess(walk.call(VM0, BITMAP_CREATE, 0x0001, 2));

            assertThat(walk.receiver(VM1).enabled()).isTrue();
            assertThat(walk.receiver(VM1).vcpuCount()).isEqualTo(2);
            assertThat(walk.notifications().vmSlots()).containsExactly(VM1);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.fwcts.model.ffa.notification.BitmapTests#implementations")
        @DisplayName("a second creation for the same VM is DENIED (0xFFFFFFFA)")
        void twiceIsDenied(SpmcProfile profile) {
            NotificationWalk walk = new NotificationWalk(profile);
            walk.call(VM0, BITMAP_CREATE, 0x0000, 8);

            assertError(walk.call(VM0, BITMAP_CREATE, 0x0000, 8), DENIED);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.fwcts.model.ffa.notification.BitmapTests#implementations")
        @DisplayName("a secure-world ID (bit 15 set) is not a VM: INVALID_PARAMETERS (0xFFFFFFFE)")
        void secureIdIsInvalid(SpmcProfile profile) {
            assertError(new NotificationWalk(profile).call(VM0, BITMAP_CREATE, 0x8001, 1), INVALID_PARAMETERS);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.fwcts.model.ffa.notification.BitmapTests#implementations")
        @DisplayName("only the hypervisor (ID 0) may call it: from VM 1 it is NOT_SUPPORTED (0xFFFFFFFF)")
        void vmMayNotCreate(SpmcProfile profile) {
            assertError(new NotificationWalk(profile).call(VM1, BITMAP_CREATE, 0x0001, 1), NOT_SUPPORTED);
        }

        @Test
        @DisplayName("a partition may not call it: NOT_SUPPORTED (Hafnium provides it to the normal world only)")
        void partitionMayNotCreate() {
            assertError(new NotificationWalk(SpmcProfiles.hafnium()).call(SP1, BITMAP_CREATE, 0x0001, 1),
                    NOT_SUPPORTED);
        }
    }

    @Nested
    @DisplayName("FFA_NOTIFICATION_BITMAP_DESTROY")
    class Destroy {

        @Test
        @DisplayName("removes the VM's bitmap and frees its slot, which the next creation reuses (Hafnium)")
        void destroysAndFreesSlot() {
            NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());
            walk.call(VM0, BITMAP_CREATE, 0x0001, 2);
            walk.call(VM0, BITMAP_CREATE, 0x0002, 2);

            assertSuccess(walk.call(VM0, BITMAP_DESTROY, 0x0001));

            assertThat(walk.notifications().receiver(VM1)).isEmpty();
            assertThat(walk.notifications().vmSlots()).containsExactly(EndpointId.INVALID, VM2);
            walk.call(VM0, BITMAP_CREATE, 0x0001, 1);
            assertThat(walk.notifications().vmSlots()).containsExactly(VM1, VM2);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.fwcts.model.ffa.notification.BitmapTests#implementations")
        @DisplayName("after creation, destruction returns FFA_SUCCESS and VM 0 no longer takes notifications")
        void destroysVmZero(SpmcProfile profile) {
            NotificationWalk walk = new NotificationWalk(profile);
            walk.call(VM0, BITMAP_CREATE, 0x0000, 8);

            assertSuccess(walk.call(VM0, BITMAP_DESTROY, 0x0000));

            assertThat(walk.receiver(VM0).enabled()).isFalse();
        }

        @Test
        @DisplayName("with notifications pending it is DENIED (Hafnium: a partition signalled VM 0)")
        void pendingIsDeniedHafnium() {
            NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());
            walk.call(VM0, BITMAP_CREATE, 0x0000, 8);
            walk.call(VM0, BIND, 0x8001_0000L, 0, 0x1, 0);
            assertSuccess(walk.call(SP1, SET, 0x8001_0000L, 0, 0x1, 0));

            assertError(walk.call(VM0, BITMAP_DESTROY, 0x0000), DENIED);
            assertThat(walk.receiver(VM0).enabled()).isTrue();
        }

        @Test
        @DisplayName("with notifications pending it is DENIED (OP-TEE: its core signalled VM 0)")
        void pendingIsDeniedOptee() {
            NotificationWalk walk = new NotificationWalk(SpmcProfiles.optee());
            walk.call(VM0, BITMAP_CREATE, 0x0000, 8);
            walk.update(state -> state.raise(VM0, SP1, 0x1));

            assertError(walk.call(VM0, BITMAP_DESTROY, 0x0000), DENIED);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.fwcts.model.ffa.notification.BitmapTests#implementations")
        @DisplayName("a secure-world ID is INVALID_PARAMETERS; a call from VM 1 is NOT_SUPPORTED")
        void callerAndId(SpmcProfile profile) {
            NotificationWalk walk = new NotificationWalk(profile);
            assertError(walk.call(VM0, BITMAP_DESTROY, 0x8001), INVALID_PARAMETERS);
            assertError(walk.call(VM1, BITMAP_DESTROY, 0x0001), NOT_SUPPORTED);
        }

        @Test
        @DisplayName("of VM 1, which has no bitmap, is DENIED and changes nothing (Hafnium)")
        void absentVmIsDenied() {
            NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());
            NotificationState before = walk.notifications();

            assertError(walk.call(VM0, BITMAP_DESTROY, 0x0001), DENIED);
            assertThat(walk.notifications()).isEqualTo(before);
        }
    }
}
