package org.fwcts.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fwcts.targets.xen.XenGuest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Telling whether Xen's FF-A mediator serves a guest")
class MediatorPresenceTests {
    private static final List<String> WITH_MEDIATOR = List.of("Xen version 4.22.0 (@) debug=n",
            "ARM FF-A Mediator version 1.2", "Using TEE mediator for FF-A", "Xen dom0less mode detected");
    private static final List<String> WITHOUT_FFA = List.of("Xen version 4.22.0 (@) debug=n",
            "Xen dom0less mode detected");
    private static final List<String> SPMC_ABSENT = List.of("Xen version 4.22.0 (@) debug=n",
            "ARM FF-A Firmware version 1.0 is not supported", "Xen dom0less mode detected");
    private static final XenGuest ASKED = new XenGuest("vm1", 1, 1, 64, true);
    private static final XenGuest NOT_ASKED = new XenGuest("vm3", 3, 1, 64, false);

    @Test
    @DisplayName("a log with Xen's mediator line is a Xen with the mediator")
    void mediatorLine() {
        assertThat(MediatorPresence.xenWithoutMediator(WITH_MEDIATOR)).isEmpty();
    }

    @Test
    @DisplayName("a Xen built without FF-A is named, with its version line")
    void xenWithoutFfa() {
        assertThat(MediatorPresence.xenWithoutMediator(WITHOUT_FFA)).hasValue("Xen without the FF-A mediator:"
                + " its log has no 'Using TEE mediator for FF-A' line (Xen version 4.22.0 (@) debug=n)");
    }

    @Test
    @DisplayName("a Xen whose mediator found no usable SPMC is named, with the line that says so")
    void xenWhoseProbeFailed() {
        assertThat(MediatorPresence.xenWithoutMediator(SPMC_ABSENT)).hasValue("Xen without the FF-A mediator:"
                + " its log says 'ARM FF-A Firmware version 1.0 is not supported'");
    }

    @Test
    @DisplayName("a guest answered by the mediator has it")
    void attached() {
        assertThat(MediatorPresence.notAttached(ASKED, 0x1_0002L, WITH_MEDIATOR)).isEmpty();
    }

    @Test
    @DisplayName("a guest that asked for the mediator but got Xen's unknown-call answer blames the Xen")
    void askedButNotAttached() {
        assertThat(MediatorPresence.notAttached(ASKED, -1L, WITH_MEDIATOR)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("mediator not attached to this VM: guest vm1 (DOM1) got x0 = -1 for FFA_VERSION")
                .contains("Xen's log says 'Using TEE mediator for FF-A'")
                .endsWith("so this Xen does not honour that property"));
    }

    @Test
    @DisplayName("a guest on a Xen without the mediator carries the Xen's evidence")
    void notAttachedOnXenWithout() {
        assertThat(MediatorPresence.notAttached(NOT_ASKED, -1L, WITHOUT_FFA)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("Xen without the FF-A mediator").endsWith("(mediator: false)"));
    }
}
