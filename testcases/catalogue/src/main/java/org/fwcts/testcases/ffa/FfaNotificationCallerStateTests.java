package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.stream.Stream;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.notification.Binding;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.notification.ReceiverNotifications;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.PartitionAgent;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notification call, from each endpoint, in each state of the normal world's bitmap and of
 * one notification ID bound to it from the partition (DEN0077A v1.2, "Notifications",
 * "FFA_NOTIFICATION_BITMAP_CREATE" … "FFA_NOTIFICATION_INFO_GET"): a second BITMAP_CREATE is
 * DENIED, a partition creating a bitmap is NOT_SUPPORTED, a SET of an ID not bound to its sender
 * is DENIED, an UNBIND of a pending ID is DENIED, and so on, as the model's rules decide.
 *
 * <p>Each endpoint names the other as its peer: it binds, unbinds and gets as receiver with the
 * peer as sender, and sets as sender to the peer. The partition agent's manifest declares no
 * notification support, so the partition as receiver is refused in every state; for the same
 * reason, and because there is one partition, an ID bound to a sender other than the peer cannot
 * be reached here. Where the profile has no notifications at all the cases are skipped with that
 * reason ({@code FfaNotificationTests} checks their NOT_SUPPORTED). Before and after each case
 * the normal world's notification state is taken back to no bitmap through checked calls.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:notifications")
@DisplayName("FF-A notifications: each caller in each bitmap and binding state")
class FfaNotificationCallerStateTests {
    /** The notification ID the cases bind, set and get: ID 2 (w3 bit 2). */
    private static final long ID = 1L << 2;
    /** FFA_NOTIFICATION_GET w2: the bitmap of notifications from partitions. */
    private static final long FROM_SP = 1;
    /** FFA_NOTIFICATION_GET w2: the bitmap of notifications from VMs. */
    private static final long FROM_VM = 1 << 1;
    /** FFA_NOTIFICATION_GET w2: the SPM framework bitmap. */
    private static final long FROM_SPM = 1 << 2;

    private PartitionAgent partition;

    /** The state of the normal world's bitmap and of ID 2 from the partition when the call under test is made. */
    enum State {
        NO_BITMAP("the normal world has no bitmap"),
        CREATED("the bitmap is created, nothing bound"),
        BOUND("ID 2 is bound from the partition"),
        PENDING("ID 2 is bound and pending from the partition");

        private final String description;

        State(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** The notification calls under test. */
    enum Operation {
        BITMAP_CREATE("FFA_NOTIFICATION_BITMAP_CREATE for VM 0"),
        BITMAP_DESTROY("FFA_NOTIFICATION_BITMAP_DESTROY for VM 0"),
        BIND("FFA_NOTIFICATION_BIND of ID 2 from the peer"),
        UNBIND("FFA_NOTIFICATION_UNBIND of ID 2 from the peer"),
        SET("FFA_NOTIFICATION_SET of ID 2 to the peer"),
        GET("FFA_NOTIFICATION_GET of the peer's bitmap"),
        INFO_GET("FFA_NOTIFICATION_INFO_GET (SMC64)");

        private final String description;

        Operation(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeEach
    void ready(FfaFirmware ffa) {
        NotificationChoices choices = ffa.model().profile().notifications();
        Assumptions.assumeFalse(choices.dispatched().isEmpty(), () -> ffa.model().profile().name()
                + " has no notifications: every notification call is NOT_SUPPORTED (FF-A notifications checks it)");
        ffa.ready();
        partition = PartitionAgent.first(ffa);
        clear(ffa);
    }

    /** Leaves no bitmap, binding or pending notification behind, through checked calls. */
    @AfterEach
    void restore(FfaFirmware ffa) {
        if (partition != null && ffa.distrust().isEmpty()) {
            clear(ffa);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(State.values()).flatMap(state -> Stream.of(Operation.values())
                .flatMap(operation -> Stream.of(Caller.values()).map(caller -> Arguments.of(operation, caller, state))));
    }

    @ParameterizedTest(name = "{0} by {1} when {2}")
    @MethodSource("cases")
    @Tag("rule:FFA.NOTIFICATION_BITMAP.CALLER")
    @Tag("rule:FFA.NOTIFICATION_BITMAP_CREATE")
    @Tag("rule:FFA.NOTIFICATION_BITMAP_DESTROY")
    @Tag("rule:FFA.NOTIFICATION_BITMAP_DESTROY.ABSENT")
    @Tag("rule:FFA.NOTIFICATION_BITMAP_DESTROY.IN_USE")
    @Tag("rule:FFA.NOTIFICATION_BIND")
    @Tag("rule:FFA.NOTIFICATION_BIND.TAKEN")
    @Tag("rule:FFA.NOTIFICATION.RECEIVER_UNSUPPORTED")
    @Tag("rule:FFA.NOTIFICATION.BINDING_PENDING")
    @Tag("rule:FFA.NOTIFICATION_UNBIND")
    @Tag("rule:FFA.NOTIFICATION_UNBIND.NOT_BOUND")
    @Tag("rule:FFA.NOTIFICATION_SET")
    @Tag("rule:FFA.NOTIFICATION_SET.RECEIVER_DISABLED")
    @Tag("rule:FFA.NOTIFICATION_SET.NOT_BOUND")
    @Tag("rule:FFA.NOTIFICATION_GET")
    @Tag("rule:FFA.NOTIFICATION_INFO_GET")
    @Tag("rule:FFA.NOTIFICATION_INFO_GET.CALLER")
    @Tag("rule:FFA.NOTIFICATION_INFO_GET.NO_DATA")
    @DisplayName("a notification call answers as the caller and the bitmap's and binding's state decide")
    void operationInState(Operation operation, Caller caller, State state, FfaFirmware ffa) {
        if (caller == Caller.PARTITION || state == State.PENDING) {
            partition.ready();
        }
        reach(state, ffa);
        assertThatCall(caller.call(ffa, partition, call(operation, caller, ffa), new byte[0])).matchesModel();
    }

    /** Takes the normal world's notifications from no bitmap to {@code state}, each step checked. */
    private void reach(State state, FfaFirmware ffa) {
        EndpointId self = ffa.self();
        EndpointId sp = partition.id();
        if (state == State.NO_BITMAP) {
            return;
        }
        assertThatCall(ffa.call(call(Operation.BITMAP_CREATE, Caller.NORMAL_WORLD, ffa))).matchesModel();
        if (state == State.CREATED) {
            return;
        }
        assertThatCall(ffa.call(binding(FfaFunction.FFA_NOTIFICATION_BIND, sp, self, ID))).matchesModel();
        if (state == State.PENDING) {
            assertThatCall(partition.call(binding(FfaFunction.FFA_NOTIFICATION_SET, sp, self, ID))).matchesModel();
        }
    }

    private Registers call(Operation operation, Caller caller, FfaFirmware ffa) {
        EndpointId self = caller.id(ffa, partition);
        EndpointId peer = (caller == Caller.NORMAL_WORLD ? Caller.PARTITION : Caller.NORMAL_WORLD).id(ffa, partition);
        return switch (operation) {
            case BITMAP_CREATE -> Registers.of(id(FfaFunction.FFA_NOTIFICATION_BITMAP_CREATE), ffa.self().value(), 1);
            case BITMAP_DESTROY -> Registers.of(id(FfaFunction.FFA_NOTIFICATION_BITMAP_DESTROY), ffa.self().value());
            case BIND -> binding(FfaFunction.FFA_NOTIFICATION_BIND, peer, self, ID);
            case UNBIND -> binding(FfaFunction.FFA_NOTIFICATION_UNBIND, peer, self, ID);
            case SET -> binding(FfaFunction.FFA_NOTIFICATION_SET, self, peer, ID);
            case GET -> Registers.of(id(FfaFunction.FFA_NOTIFICATION_GET), self.value(),
                    peer.isSecure() ? FROM_SP : FROM_VM);
            case INFO_GET -> Registers.of(FfaFunction.FFA_NOTIFICATION_INFO_GET.smc64().orElseThrow().register());
        };
    }

    /**
     * Takes back, with checked calls, what the normal world holds as receiver: gets what is pending
     * (which INFO_GET may have listed), unbinds every binding and destroys its bitmap.
     */
    private void clear(FfaFirmware ffa) {
        EndpointId self = ffa.self();
        ReceiverNotifications held = ffa.state().notifications().receiver(self).orElse(null);
        if (held == null) {
            return;
        }
        if (held.pending().any() || held.reported().any()) {
            assertThatCall(ffa.call(Registers.of(id(FfaFunction.FFA_NOTIFICATION_GET), self.value(), FROM_SP | FROM_SPM)))
                    .matchesModel();
        }
        for (Binding binding : held.bindings()) {
            assertThatCall(ffa.call(binding(FfaFunction.FFA_NOTIFICATION_UNBIND, binding.sender(), self, binding.ids())))
                    .matchesModel();
        }
        if (held.enabled()) {
            assertThatCall(ffa.call(call(Operation.BITMAP_DESTROY, Caller.NORMAL_WORLD, ffa))).matchesModel();
        }
    }

    /** BIND, UNBIND or SET: w1 = sender[31:16] | receiver[15:0], w2 = 0 (global), w3/w4 the IDs. */
    private static Registers binding(FfaFunction function, EndpointId sender, EndpointId receiver, long ids) {
        return Registers.of(id(function), ((long) sender.value() << 16) | receiver.value(), 0,
                ids & 0xFFFF_FFFFL, ids >>> 32);
    }

    private static long id(FfaFunction function) {
        return function.id().register();
    }
}
