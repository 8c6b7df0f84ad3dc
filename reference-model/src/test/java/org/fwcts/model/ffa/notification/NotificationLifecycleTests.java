package org.fwcts.model.ffa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.FFA_SUCCESS_64;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.notification.NotificationWalk.BIND;
import static org.fwcts.model.ffa.notification.NotificationWalk.BITMAP_CREATE;
import static org.fwcts.model.ffa.notification.NotificationWalk.BITMAP_DESTROY;
import static org.fwcts.model.ffa.notification.NotificationWalk.GET;
import static org.fwcts.model.ffa.notification.NotificationWalk.INFO_GET_64;
import static org.fwcts.model.ffa.notification.NotificationWalk.NO_DATA;
import static org.fwcts.model.ffa.notification.NotificationWalk.SET;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP1;
import static org.fwcts.model.ffa.notification.NotificationWalk.UNBIND;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM0;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM1;

import org.fwcts.model.ffa.PredictionAssert;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.prediction.Prediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A notification's whole life, create → bind → set → info_get → get → unbind → destroy, with the
 * state checked after each step.
 */
@DisplayName("A notification's life")
class NotificationLifecycleTests {

    @Test
    @DisplayName("at Hafnium: partition 0x8001 signals IDs 3 and 40 to VM 1, which the hypervisor serves")
    void hafnium() {
        NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());

        assertSuccess(walk.call(VM0, BITMAP_CREATE, 0x0001, 2));
        assertThat(walk.receiver(VM1)).isEqualTo(ReceiverNotifications.of(true, 2));

        assertSuccess(walk.call(VM0, BIND, 0x8001_0001L, 0, 0x8, 0x100));
        assertThat(walk.receiver(VM1).boundTo(SP1)).isEqualTo(0x100_0000_0008L);
        assertThat(walk.receiver(VM1).pending().any()).isFalse();

        assertSuccess(walk.call(SP1, SET, 0x8001_0001L, 0, 0x8, 0x100));
        assertThat(walk.receiver(VM1).pending()).isEqualTo(new NotificationBitmaps(0x100_0000_0008L, 0, 0));

        Prediction info = walk.call(VM0, INFO_GET_64);
        assertRegister(info, 0, FFA_SUCCESS_64);
        assertRegister(info, 2, 0x80);
        assertRegister(info, 3, 0x0001);
        assertThat(walk.receiver(VM1).reported()).isEqualTo(new NotificationBitmaps(0x100_0000_0008L, 0, 0));

        Prediction got = walk.call(VM0, GET, 0x0001_0001L, 0x1);
        assertSuccess(got);
        assertRegister(got, 2, 0x8);
        assertRegister(got, 3, 0x100);
        assertThat(walk.receiver(VM1).pending().any()).isFalse();
        assertThat(walk.receiver(VM1).reported().any()).isFalse();
        PredictionAssert.assertError(walk.call(VM0, INFO_GET_64), NO_DATA);

        assertSuccess(walk.call(VM0, UNBIND, 0x8001_0001L, 0, 0x8, 0x100));
        assertThat(walk.receiver(VM1).bindings()).isEmpty();

        assertSuccess(walk.call(VM0, BITMAP_DESTROY, 0x0001));
        assertThat(walk.notifications().receiver(VM1)).isEmpty();
    }

    @Test
    @DisplayName("at OP-TEE: its core signals ID 2 to VM 0 itself (notif_send_async; there is no FFA_NOTIFICATION_SET)")
    void optee() {
        NotificationWalk walk = new NotificationWalk(SpmcProfiles.optee());

        assertSuccess(walk.call(VM0, BITMAP_CREATE, 0x0000, 4));
        assertThat(walk.receiver(VM0).enabled()).isTrue();

        assertSuccess(walk.call(VM0, BIND, 0x8001_0000L, 0, 0x4, 0));
        assertThat(walk.receiver(VM0).boundToAny()).isEqualTo(0x4);

        walk.update(state -> state.raise(VM0, SP1, 0x4));
        assertThat(walk.receiver(VM0).pending()).isEqualTo(new NotificationBitmaps(0x4, 0, 0));

        Prediction info = walk.call(VM0, INFO_GET_64);
        assertRegister(info, 0, FFA_SUCCESS_64);
        assertRegister(info, 2, 0x80);
        assertRegister(info, 3, 0x0000);
        assertThat(walk.receiver(VM0).pending().fromSp()).isEqualTo(0x4);

        Prediction got = walk.call(VM0, GET, 0x0000_0000L, 0x1);
        assertSuccess(got);
        assertRegister(got, 2, 0x4);
        assertRegister(got, 3, 0);
        assertThat(walk.receiver(VM0).pending().any()).isFalse();

        assertSuccess(walk.call(VM0, UNBIND, 0x8001_0000L, 0, 0x4, 0));
        assertThat(walk.receiver(VM0).bindings()).isEmpty();

        assertSuccess(walk.call(VM0, BITMAP_DESTROY, 0x0000));
        assertThat(walk.receiver(VM0).enabled()).isFalse();
    }
}
