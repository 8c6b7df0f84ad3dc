package org.fwcts.model.ffa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.DENIED;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.notification.NotificationWalk.BIND;
import static org.fwcts.model.ffa.notification.NotificationWalk.BITMAP_CREATE;
import static org.fwcts.model.ffa.notification.NotificationWalk.SET;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP1;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP2;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM0;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM1;

import java.util.stream.Stream;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.profile.SpmcProfiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FFA_NOTIFICATION_SET at Hafnium: w1 = sender[31:16] | receiver[15:0], w2 bit 0 per-vCPU, bit 1
 * delay SRI, [31:16] vCPU ID, w3/w4 = IDs. Bound beforehand: 0x8001 takes IDs 0–1 from 0x8002
 * and ID 0 from VM 0; VM 0 takes ID 4 from 0x8001.
 */
@DisplayName("FFA_NOTIFICATION_SET at Hafnium")
class SetTests {
    private final NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());

    @BeforeEach
    void bind() {
        walk.call(SP1, BIND, 0x8002_8001L, 0, 0x3, 0);
        walk.call(SP1, BIND, 0x0000_8001L, 0, 0x1, 0);
        walk.call(VM0, BITMAP_CREATE, 0x0000, 8);
        walk.call(VM0, BIND, 0x8001_0000L, 0, 0x10, 0);
    }

    @Test
    @DisplayName("a partition signals bound IDs to a partition: FFA_SUCCESS, pending in the receiver's SP bitmap")
    void partitionToPartition() {
        var set = walk.call(SP2, SET, 0x8002_8001L, 0, 0x3, 0);

        assertSuccess(set);
        assertRegister(set, 2, 0);
        assertThat(walk.receiver(SP1).pending()).isEqualTo(new NotificationBitmaps(0x3, 0, 0));
    }

    @Test
    @DisplayName("the normal world signals from VM 0 to a partition: pending in the receiver's VM bitmap")
    void vmToPartition() {
        assertSuccess(walk.call(VM0, SET, 0x0000_8001L, 0, 0x1, 0));

        assertThat(walk.receiver(SP1).pending()).isEqualTo(new NotificationBitmaps(0, 0x1, 0));
    }

    @Test
    @DisplayName("a partition signals VM 0, delaying the SRI (w2 bit 1): pending in VM 0's SP bitmap")
    void partitionToVmWithDelayedSri() {
        assertSuccess(walk.call(SP1, SET, 0x8001_0000L, 0x2, 0x10, 0));

        assertThat(walk.receiver(VM0).pending()).isEqualTo(new NotificationBitmaps(0x10, 0, 0));
    }

    @Test
    @DisplayName("signalling an ID already pending leaves it pending once")
    void twice() {
        walk.call(SP2, SET, 0x8002_8001L, 0, 0x1, 0);
        walk.call(SP2, SET, 0x8002_8001L, 0, 0x3, 0);

        assertThat(walk.receiver(SP1).pending().fromSp()).isEqualTo(0x3);
    }

    static Stream<Arguments> misuses() {
        return Stream.of(
                Arguments.of("per-vCPU is asked for (w2 bit 0)", SP2, 0x8002_8001L, 0x1L, 0x1L, INVALID_PARAMETERS),
                Arguments.of("a vCPU ID is given for a global notification", SP2, 0x8002_8001L, 0x0001_0000L, 0x1L,
                        INVALID_PARAMETERS),
                Arguments.of("a reserved flag is set (w2 bit 2)", SP2, 0x8002_8001L, 0x4L, 0x1L, INVALID_PARAMETERS),
                Arguments.of("the sender is not the caller", SP1, 0x8002_8001L, 0L, 0x1L, INVALID_PARAMETERS),
                Arguments.of("the sender is the receiver", SP1, 0x8001_8001L, 0L, 0x1L, INVALID_PARAMETERS),
                Arguments.of("a VM signals a VM", VM0, 0x0000_0001L, 0L, 0x1L, INVALID_PARAMETERS),
                Arguments.of("VM 1 signals as VM 0", VM1, 0x0000_8001L, 0L, 0x1L, INVALID_PARAMETERS),
                Arguments.of("no ID is named", SP2, 0x8002_8001L, 0L, 0L, INVALID_PARAMETERS),
                Arguments.of("a VM asks to delay the SRI", VM0, 0x0000_8001L, 0x2L, 0x1L, INVALID_PARAMETERS),
                Arguments.of("the receiver VM 1 has no bitmap", SP1, 0x8001_0001L, 0L, 0x1L, INVALID_PARAMETERS),
                Arguments.of("the receiver does not take notifications", SP1, 0x8001_8003L, 0L, 0x1L, DENIED),
                Arguments.of("an ID is not bound", SP2, 0x8002_8001L, 0L, 0x4L, DENIED),
                Arguments.of("an ID is bound to another sender", SP2, 0x8002_0000L, 0L, 0x10L, DENIED),
                Arguments.of("an ID is bound to a sender of the other world", VM0, 0x0000_8001L, 0L, 0x2L, DENIED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    @DisplayName("refuses to signal when")
    void refuses(String what, EndpointId caller, long w1, long w2, long w3, long error) {
        NotificationState before = walk.notifications();
        assertError(walk.call(caller, SET, w1, w2, w3, 0), error);
        assertThat(walk.notifications()).isEqualTo(before);
    }
}
