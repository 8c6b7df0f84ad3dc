package org.fwcts.model.ffa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP1;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP2;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP3;
import static org.fwcts.model.ffa.notification.NotificationWalk.SP4;
import static org.fwcts.model.ffa.notification.NotificationWalk.TOPOLOGY;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM0;
import static org.fwcts.model.ffa.notification.NotificationWalk.VM1;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The notification state on its own: what boot gives, and what the messaging area can raise. */
@DisplayName("The notification state")
class NotificationStateTests {
    private final NotificationState boot = NotificationState.initial(TOPOLOGY);

    @Test
    @DisplayName("at boot, partitions of v1.1+ with property bit 3 take notifications; VM 0 is known but not enabled")
    void atBoot() {
        assertThat(boot.receiver(SP1)).contains(ReceiverNotifications.of(true, 4));
        assertThat(boot.receiver(SP2)).contains(ReceiverNotifications.of(true, 1));
        assertThat(boot.receiver(SP3).orElseThrow().enabled()).isFalse();
        assertThat(boot.receiver(SP4).orElseThrow().enabled()).isFalse();
        assertThat(boot.receiver(VM0))
                .contains(ReceiverNotifications.of(false, ReceiverNotifications.VCPU_COUNT_UNKNOWN));
        assertThat(boot.receiver(VM1)).isEmpty();
        assertThat(boot.vmSlots()).isEmpty();
    }

    @Test
    @DisplayName("\"RX buffer full\" is bit 0 of the SPM framework bitmap (w6) or of the hypervisor's (w7)")
    void rxFullBits() {
        assertThat(NotificationState.RX_FULL_FROM_SPM).isEqualTo(0x1L);
        assertThat(NotificationState.RX_FULL_FROM_HYPERVISOR).isEqualTo(0x1_0000_0000L);
    }

    @Test
    @DisplayName("raising a framework notification leaves the state it came from unchanged")
    void immutable() {
        NotificationState raised = boot.raiseFramework(SP1, NotificationState.RX_FULL_FROM_SPM);

        assertThat(raised.receiver(SP1).orElseThrow().pending()).isEqualTo(new NotificationBitmaps(0, 0, 0x1));
        assertThat(boot.receiver(SP1).orElseThrow().pending().any()).isFalse();
    }

    @Test
    @DisplayName("a framework notification for a VM without a bitmap gives it a slot, not enabled")
    void frameworkForUnknownVm() {
        NotificationState raised = boot.raiseFramework(VM1, NotificationState.RX_FULL_FROM_HYPERVISOR);

        assertThat(raised.receiver(VM1).orElseThrow().enabled()).isFalse();
        assertThat(raised.receiver(VM1).orElseThrow().pending().framework()).isEqualTo(0x1_0000_0000L);
        assertThat(raised.vmSlots()).containsExactly(VM1);
    }

    @Test
    @DisplayName("bindings are kept per sender; unbinding one sender's IDs leaves another's")
    void bindingsPerSender() {
        ReceiverNotifications receiver = ReceiverNotifications.of(true, 1).bind(SP2, 0x3).bind(VM0, 0x1).bind(SP2, 0x4);

        assertThat(receiver.boundTo(SP2)).isEqualTo(0x7);
        assertThat(receiver.boundInWorld(false)).isEqualTo(0x7);
        assertThat(receiver.boundInWorld(true)).isEqualTo(0x1);
        assertThat(receiver.unbind(SP2, 0x1).boundTo(VM0)).isEqualTo(0x1);
        assertThat(receiver.unbind(SP2, 0x7).bindings()).containsExactly(new Binding(VM0, 0x1));
        assertThat(receiver.unbindFromAll(0x1).boundToAny()).isEqualTo(0x6);
    }
}
