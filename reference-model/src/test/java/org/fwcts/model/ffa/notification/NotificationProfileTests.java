package org.fwcts.model.ffa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.DENIED;
import static org.fwcts.model.ffa.PredictionAssert.FFA_SUCCESS_64;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.NOT_SUPPORTED;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.notification.NotificationWalk.BIND;
import static org.fwcts.model.ffa.notification.NotificationWalk.BITMAP_CREATE;
import static org.fwcts.model.ffa.notification.NotificationWalk.BITMAP_DESTROY;
import static org.fwcts.model.ffa.notification.NotificationWalk.GET;
import static org.fwcts.model.ffa.notification.NotificationWalk.INFO_GET_32;
import static org.fwcts.model.ffa.notification.NotificationWalk.INFO_GET_64;
import static org.fwcts.model.ffa.notification.NotificationWalk.NO_DATA;
import static org.fwcts.model.ffa.notification.NotificationWalk.SET;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP1;
import static org.fwcts.model.ffa.notification.NotificationWalk.UNBIND;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM0;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.smccc.FunctionId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where the implementations answer the same call differently, one choice at a time. */
@DisplayName("Notification choices per implementation")
class NotificationProfileTests {
    private final NotificationWalk hafnium = new NotificationWalk(SpmcProfiles.hafnium());
    private final NotificationWalk optee = new NotificationWalk(SpmcProfiles.optee());

    @Nested
    @DisplayName("TF-A's EL3 SPMC implements no notification function")
    class TfaEl3Spmc {
        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FfaFunction.class, names = {"FFA_NOTIFICATION_BITMAP_CREATE", "FFA_NOTIFICATION_BITMAP_DESTROY",
                "FFA_NOTIFICATION_BIND", "FFA_NOTIFICATION_UNBIND", "FFA_NOTIFICATION_SET", "FFA_NOTIFICATION_GET",
                "FFA_NOTIFICATION_INFO_GET"})
        @DisplayName("every notification function is NOT_SUPPORTED, SMC32 and SMC64, from either world")
        void notSupported(FfaFunction function) {
            for (EndpointId caller : new EndpointId[] {VM0, SP1}) {
                for (long id : new long[] {function.x0(), function.smc64().map(FunctionId::register).orElse(function.x0())}) {
                    assertError(new NotificationWalk(SpmcProfiles.tfaEl3Spmc()).call(caller, id), NOT_SUPPORTED);
                }
            }
        }

        @Test
        @DisplayName("its choices say so")
        void choices() {
            assertThat(SpmcProfiles.tfaEl3Spmc().notifications()).isEqualTo(NotificationChoices.NOT_IMPLEMENTED);
            assertThat(NotificationChoices.NOT_IMPLEMENTED.dispatched()).isEmpty();
        }
    }

    @Test
    @DisplayName("dispatched: OP-TEE reports FFA_NOTIFICATION_SET in FFA_FEATURES but does not handle it")
    void setDispatched() {
        hafnium.call(SP1, BIND, 0x8002_8001L, 0, 0x1, 0);
        assertSuccess(hafnium.call(NotificationWalk.SP2, SET, 0x8002_8001L, 0, 0x1, 0));
        assertError(optee.call(VM0, SET, 0x0000_8001L, 0, 0x1, 0), NOT_SUPPORTED);
    }

    @Test
    @DisplayName("vmBitmaps: Hafnium creates a bitmap for VM 1, OP-TEE only for VM 0 (INVALID_PARAMETERS)")
    void vmBitmaps() {
        assertSuccess(hafnium.call(VM0, BITMAP_CREATE, 0x0001, 1));
        assertError(optee.call(VM0, BITMAP_CREATE, 0x0001, 1), INVALID_PARAMETERS);
    }

    @Test
    @DisplayName("rejectsNonZeroReserved: x3 = 1 in BITMAP_CREATE is ignored by Hafnium, INVALID_PARAMETERS at OP-TEE")
    void reserved() {
        assertSuccess(hafnium.call(VM0, BITMAP_CREATE, 0x0000, 8, 1));
        assertError(optee.call(VM0, BITMAP_CREATE, 0x0000, 8, 1), INVALID_PARAMETERS);
        assertError(optee.call(VM0, BITMAP_CREATE, 0x0001_0000L, 8), INVALID_PARAMETERS);
    }

    @Test
    @DisplayName("bindFlagsError: BIND with w2 bit 0 (per-vCPU) is INVALID_PARAMETERS at Hafnium, DENIED at OP-TEE")
    void bindFlags() {
        hafnium.call(VM0, BITMAP_CREATE, 0x0000, 8);
        optee.call(VM0, BITMAP_CREATE, 0x0000, 8);
        assertError(hafnium.call(VM0, BIND, 0x8001_0000L, 1, 0x1, 0), INVALID_PARAMETERS);
        assertError(optee.call(VM0, BIND, 0x8001_0000L, 1, 0x1, 0), DENIED);
    }

    @Test
    @DisplayName("rejectsEmptyBitmap: BIND of no ID is INVALID_PARAMETERS at Hafnium, a successful no-op at OP-TEE")
    void emptyBitmap() {
        hafnium.call(VM0, BITMAP_CREATE, 0x0000, 8);
        assertError(hafnium.call(VM0, BIND, 0x8001_0000L, 0, 0, 0), INVALID_PARAMETERS);
        assertSuccess(optee.call(VM0, BIND, 0x8001_0000L, 0, 0, 0));
        assertThat(optee.receiver(VM0).bindings()).isEmpty();
    }

    @Test
    @DisplayName("bindings: Hafnium checks the sender, OP-TEE does not read it")
    void bindings() {
        hafnium.call(VM0, BITMAP_CREATE, 0x0000, 8);
        assertError(hafnium.call(VM0, BIND, 0x8009_0000L, 0, 0x1, 0), INVALID_PARAMETERS);
        assertError(hafnium.call(VM0, UNBIND, 0x8001_0000L, 0, 0x1, 0), DENIED);

        assertSuccess(optee.call(VM0, BIND, 0x8009_0000L, 0, 0x1, 0));
        assertSuccess(optee.call(VM0, UNBIND, 0x8001_0000L, 0, 0x3, 0));
        assertThat(optee.receiver(VM0).bindings()).isEmpty();
    }

    @Test
    @DisplayName("bindWithoutBitmap: BIND to VM 0 before BITMAP_CREATE is NOT_SUPPORTED at Hafnium, accepted at OP-TEE")
    void bindWithoutBitmap() {
        assertError(hafnium.call(VM0, BIND, 0x8001_0000L, 0, 0x1, 0), NOT_SUPPORTED);
        assertSuccess(optee.call(VM0, BIND, 0x8001_0000L, 0, 0x1, 0));
    }

    @Test
    @DisplayName("destroyWithoutBitmap: destroying VM 0's uncreated bitmap is DENIED at Hafnium, FFA_SUCCESS at OP-TEE")
    void destroyWithoutBitmap() {
        assertError(hafnium.call(VM0, BITMAP_DESTROY, 0x0000), DENIED);
        assertError(hafnium.call(VM0, BITMAP_DESTROY, 0x0001), DENIED);
        assertSuccess(optee.call(VM0, BITMAP_DESTROY, 0x0000));
    }

    @Test
    @DisplayName("destroyRefusesBindings: a bitmap with bindings is destroyed with them at Hafnium, DENIED at OP-TEE")
    void destroyWithBindings() {
        for (NotificationWalk walk : new NotificationWalk[] {hafnium, optee}) {
            walk.call(VM0, BITMAP_CREATE, 0x0000, 8);
            walk.call(VM0, BIND, 0x8001_0000L, 0, 0x1, 0);
        }
        assertSuccess(hafnium.call(VM0, BITMAP_DESTROY, 0x0000));
        assertThat(hafnium.receiver(VM0).bindings()).isEmpty();
        assertError(optee.call(VM0, BITMAP_DESTROY, 0x0000), DENIED);
    }

    @Test
    @DisplayName("getBitmaps: GET of the SPM framework bitmap returns RX-full in w6 at Hafnium, nothing at OP-TEE")
    void getBitmaps() {
        for (NotificationWalk walk : new NotificationWalk[] {hafnium, optee}) {
            walk.update(state -> state.raiseFramework(VM0, NotificationState.RX_FULL_FROM_SPM));
        }
        assertRegister(hafnium.call(VM0, GET, 0x0000_0000L, 0x4), 6, 0x1);
        assertRegister(optee.call(VM0, GET, 0x0000_0000L, 0x4), 6, 0);
        assertThat(optee.receiver(VM0).pending().framework()).isEqualTo(0x1);
        assertError(hafnium.call(VM0, GET, 0x0000_0000L, 0x10), INVALID_PARAMETERS);
        assertSuccess(optee.call(VM0, GET, 0x0000_0000L, 0x10));
    }

    @Test
    @DisplayName("checksGetVcpuId: vCPU 2 of a 2-vCPU VM is INVALID_PARAMETERS at Hafnium; OP-TEE ignores w1[31:16]")
    void vcpuId() {
        hafnium.call(VM0, BITMAP_CREATE, 0x0001, 2);
        assertError(hafnium.call(VM0, GET, 0x0002_0001L, 0x1), INVALID_PARAMETERS);
        optee.call(VM0, BITMAP_CREATE, 0x0000, 2);
        assertSuccess(optee.call(VM0, GET, 0xFFFF_0000L, 0x1));
    }

    @Test
    @DisplayName("getForVmWithoutBitmap: GET for VM 1 without a bitmap has no answer at Hafnium (CHECK fails),"
            + " INVALID_PARAMETERS at OP-TEE")
    void getWithoutBitmap() {
        assertThat(hafnium.outcome(VM0, GET, 0x0000_0001L, 0x1)).isInstanceOf(FfaOutcome.Unmodelled.class);
        assertError(optee.call(VM0, GET, 0x0000_0001L, 0x1), INVALID_PARAMETERS);
    }

    @Test
    @DisplayName("infoGetReporting: a second INFO_GET is NO_DATA at Hafnium, the same list again at OP-TEE")
    void infoGetReporting() {
        hafnium.call(VM0, BITMAP_CREATE, 0x0000, 8);
        hafnium.call(VM0, BIND, 0x8001_0000L, 0, 0x1, 0);
        hafnium.call(SP1, SET, 0x8001_0000L, 0, 0x1, 0);
        optee.update(state -> state.raise(VM0, SP1, 0x1));
        for (NotificationWalk walk : new NotificationWalk[] {hafnium, optee}) {
            assertRegister(walk.call(VM0, INFO_GET_64), 0, FFA_SUCCESS_64);
        }

        assertError(hafnium.call(VM0, INFO_GET_64), NO_DATA);
        assertRegister(optee.call(VM0, INFO_GET_64), 2, 0x80);
    }

    @Test
    @DisplayName("INFO_GET width: SMC32 is NOT_SUPPORTED at Hafnium (availability), answered at OP-TEE")
    void infoGetWidth() {
        optee.update(state -> state.raise(VM0, SP1, 0x1));
        assertError(hafnium.call(VM0, INFO_GET_32), NOT_SUPPORTED);
        assertRegister(optee.call(VM0, INFO_GET_32), 2, 0x80);
        assertThat(optee.receiver(VM0).pending().fromSp()).isEqualTo(0x1);
    }
}
