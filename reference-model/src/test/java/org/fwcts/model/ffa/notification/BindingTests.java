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
import static org.fwcts.model.ffa.notification.NotificationWalk.SET;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP1;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP2;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP3;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP4;
import static org.fwcts.model.ffa.notification.NotificationWalk.UNBIND;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM0;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM1;

import java.util.stream.Stream;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.profile.SpmcProfiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** FFA_NOTIFICATION_BIND and UNBIND: w1 = sender[31:16] | receiver[15:0], w2 = flags, w3/w4 = IDs 0–31/32–63. */
@DisplayName("Notification bindings")
class BindingTests {

    @Nested
    @DisplayName("FFA_NOTIFICATION_BIND at Hafnium")
    class HafniumBind {
        private final NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());

        @Test
        @DisplayName("the hypervisor binds IDs 0, 2 and 32 from partition 0x8001 to VM 0")
        void hypervisorBindsForVmZero() {
            walk.call(VM0, BITMAP_CREATE, 0x0000, 8);

            assertSuccess(walk.call(VM0, BIND, 0x8001_0000L, 0, 0x5, 0x1));

            assertThat(walk.receiver(VM0).boundTo(SP1)).isEqualTo(0x1_0000_0005L);
            assertThat(walk.receiver(VM0).senderOf(32, false)).contains(SP1);
        }

        @Test
        @DisplayName("a partition binds for itself, from a partition and from a VM, each world with its own IDs")
        void partitionBindsBothWorlds() {
            assertSuccess(walk.call(SP1, BIND, 0x8002_8001L, 0, 0x1, 0));
            assertSuccess(walk.call(SP1, BIND, 0x0000_8001L, 0, 0x1, 0));

            assertThat(walk.receiver(SP1).senderOf(0, false)).contains(SP2);
            assertThat(walk.receiver(SP1).senderOf(0, true)).contains(VM0);
        }

        static Stream<Arguments> misuses() {
            return Stream.of(
                    Arguments.of("the receiver is not the caller", SP1, 0x8002_8002L, 0L, 1L, INVALID_PARAMETERS),
                    Arguments.of("a VM names itself both sender and receiver", VM0, 0x0000_0000L, 0L, 1L,
                            INVALID_PARAMETERS),
                    Arguments.of("a partition names itself as sender", SP1, 0x8001_8001L, 0L, 1L, INVALID_PARAMETERS),
                    Arguments.of("the normal world binds a VM sender", VM0, 0x0001_0000L, 0L, 1L, INVALID_PARAMETERS),
                    Arguments.of("the normal world binds for a partition", VM0, 0x8002_8001L, 0L, 1L,
                            INVALID_PARAMETERS),
                    Arguments.of("VM 1 binds for VM 0", VM1, 0x8001_0000L, 0L, 1L, INVALID_PARAMETERS),
                    Arguments.of("the sender partition does not exist", SP1, 0x8009_8001L, 0L, 1L, INVALID_PARAMETERS),
                    Arguments.of("no ID is named", SP1, 0x8002_8001L, 0L, 0L, INVALID_PARAMETERS),
                    Arguments.of("per-vCPU is asked for (w2 bit 0)", SP1, 0x8002_8001L, 1L, 1L, INVALID_PARAMETERS),
                    Arguments.of("a reserved flag is set (w2 bit 1)", SP1, 0x8002_8001L, 2L, 1L, INVALID_PARAMETERS),
                    Arguments.of("the receiver does not support notifications (property bit 3 clear)", SP3,
                            0x8001_8003L, 0L, 1L, NOT_SUPPORTED),
                    Arguments.of("the receiver is a v1.0 partition", SP4, 0x8001_8004L, 0L, 1L, NOT_SUPPORTED),
                    Arguments.of("VM 0's bitmap was not created", VM0, 0x8001_0000L, 0L, 1L, NOT_SUPPORTED),
                    Arguments.of("VM 1 has no bitmap", VM0, 0x8001_0001L, 0L, 1L, INVALID_PARAMETERS));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("misuses")
        @DisplayName("refuses a binding when")
        void refuses(String what, EndpointId caller, long w1, long w2, long w3, long error) {
            NotificationState before = walk.notifications();
            assertError(walk.call(caller, BIND, w1, w2, w3, 0), error);
            assertThat(walk.notifications()).isEqualTo(before);
        }

        @Test
        @DisplayName("IDs already bound, to another sender of the same world or to the same one, are DENIED")
        void takenIsDenied() {
            walk.call(SP1, BIND, 0x8002_8001L, 0, 0x3, 0);

            assertError(walk.call(SP1, BIND, 0x8003_8001L, 0, 0x2, 0), DENIED);
            assertError(walk.call(SP1, BIND, 0x8002_8001L, 0, 0x1, 0), DENIED);
            assertSuccess(walk.call(SP1, BIND, 0x8003_8001L, 0, 0x4, 0));
        }

        @Test
        @DisplayName("a pending ID cannot be bound again: DENIED")
        void pendingIsDenied() {
            walk.call(SP1, BIND, 0x8002_8001L, 0, 0x1, 0);
            walk.call(SP2, SET, 0x8002_8001L, 0, 0x1, 0);

            assertError(walk.call(SP1, BIND, 0x8002_8001L, 0, 0x1, 0), DENIED);
        }
    }

    @Nested
    @DisplayName("FFA_NOTIFICATION_UNBIND at Hafnium")
    class HafniumUnbind {
        private final NotificationWalk walk = new NotificationWalk(SpmcProfiles.hafnium());

        @BeforeEach
        void bindTwoIds() {
            walk.call(SP1, BIND, 0x8002_8001L, 0, 0x3, 0);
            walk.call(SP1, BIND, 0x0000_8001L, 0, 0x1, 0);
        }

        @Test
        @DisplayName("removes the sender's binding of the IDs named and no other, returning FFA_SUCCESS")
        void unbinds() {
            var done = walk.call(SP1, UNBIND, 0x8002_8001L, 0, 0x1, 0);

            assertSuccess(done);
            assertRegister(done, 2, 0);
            assertThat(walk.receiver(SP1).boundTo(SP2)).isEqualTo(0x2);
            assertThat(walk.receiver(SP1).boundTo(VM0)).isEqualTo(0x1);
        }

        @Test
        @DisplayName("IDs not bound to that sender are DENIED")
        void notBoundIsDenied() {
            assertError(walk.call(SP1, UNBIND, 0x8003_8001L, 0, 0x1, 0), DENIED);
            assertError(walk.call(SP1, UNBIND, 0x8002_8001L, 0, 0x4, 0), DENIED);
        }

        @Test
        @DisplayName("a pending ID is DENIED, and unbinds once retrieved")
        void pendingIsDenied() {
            walk.call(SP2, SET, 0x8002_8001L, 0, 0x1, 0);

            assertError(walk.call(SP1, UNBIND, 0x8002_8001L, 0, 0x1, 0), DENIED);
            walk.call(SP1, NotificationWalk.GET, 0x0000_8001L, 0x1);
            assertSuccess(walk.call(SP1, UNBIND, 0x8002_8001L, 0, 0x1, 0));
        }

        @Test
        @DisplayName("the receiver must be the caller and the IDs not empty: INVALID_PARAMETERS")
        void parameters() {
            assertError(walk.call(SP2, UNBIND, 0x8002_8001L, 0, 0x1, 0), INVALID_PARAMETERS);
            assertError(walk.call(SP1, UNBIND, 0x8002_8001L, 0, 0, 0), INVALID_PARAMETERS);
        }

        @Test
        @DisplayName("w2 is not read: a non-zero value still unbinds")
        void flagsIgnored() {
            assertSuccess(walk.call(SP1, UNBIND, 0x8002_8001L, 1, 0x1, 0));
        }
    }

    @Nested
    @DisplayName("at OP-TEE, which keeps one bitmap (VM 0's) of bound IDs")
    class Optee {
        private final NotificationWalk walk = new NotificationWalk(SpmcProfiles.optee());

        @Test
        @DisplayName("BIND to VM 0 records the IDs; UNBIND removes them")
        void bindsAndUnbinds() {
            walk.call(VM0, BITMAP_CREATE, 0x0000, 8);

            assertSuccess(walk.call(VM0, BIND, 0x8001_0000L, 0, 0x6, 0));
            assertThat(walk.receiver(VM0).boundToAny()).isEqualTo(0x6);
            assertSuccess(walk.call(VM0, UNBIND, 0x8001_0000L, 0, 0x2, 0));
            assertThat(walk.receiver(VM0).boundToAny()).isEqualTo(0x4);
        }

        @Test
        @DisplayName("a receiver other than VM 0 is INVALID_PARAMETERS")
        void otherVmIsInvalid() {
            assertError(walk.call(VM0, BIND, 0x8001_0001L, 0, 0x1, 0), INVALID_PARAMETERS);
            assertError(walk.call(VM0, UNBIND, 0x8001_0001L, 0, 0x1, 0), INVALID_PARAMETERS);
        }

        @Test
        @DisplayName("an ID bound already, to whichever sender, is DENIED")
        void takenIsDenied() {
            walk.call(VM0, BIND, 0x8001_0000L, 0, 0x1, 0);
            assertError(walk.call(VM0, BIND, 0x8002_0000L, 0, 0x1, 0), DENIED);
        }

        @Test
        @DisplayName("a pending ID cannot be bound or unbound: DENIED")
        void pendingIsDenied() {
            walk.call(VM0, BIND, 0x8001_0000L, 0, 0x1, 0);
            walk.update(state -> state.raise(VM0, SP1, 0x3));

            assertError(walk.call(VM0, UNBIND, 0x8001_0000L, 0, 0x1, 0), DENIED);
            assertError(walk.call(VM0, BIND, 0x8001_0000L, 0, 0x2, 0), DENIED);
        }

        @Test
        @DisplayName("x5-x7 are reserved: non-zero is INVALID_PARAMETERS, for BIND and UNBIND alike")
        void reservedRegisters() {
            assertError(walk.call(VM0, BIND, 0x8001_0000L, 0, 0x1, 0, 1), INVALID_PARAMETERS);
            assertError(walk.call(VM0, UNBIND, 0x8001_0000L, 0, 0x1, 0, 0, 0, 1), INVALID_PARAMETERS);
        }
    }
}
