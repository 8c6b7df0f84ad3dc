package org.fwcts.testcases.mediator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.testcases.mediator.MediatorCalls.FEATURES;
import static org.fwcts.testcases.mediator.MediatorCalls.ID_GET;
import static org.fwcts.testcases.mediator.MediatorCalls.VERSION;

import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.Guests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each VM's FF-A identity and version, as the mediator gives them. */
@FfaMediatorTest
@DisplayName("Mediator: VM identity and version")
class MediatorIdentityTests {

    @Test
    @Tag("rule:XEN.FFA.ID")
    @DisplayName("each VM's FFA_ID_GET is the endpoint its agent is addressed by: domain ID + 1")
    void idPerVm(FfaFirmware ffa) {
        for (Guests.Guest vm : Guests.of(ffa).attached()) {
            vm.ready(2);
            long id = vm.checked(ID_GET).observed().x(2) & 0xFFFF;
            assertThat(id).as("%s's own ID", vm).isEqualTo(vm.id().value());
        }
    }

    @Test
    @Tag("rule:XEN.FFA.VERSION")
    @DisplayName("FFA_VERSION from each VM is answered with the mediator's own version, whatever it asks")
    void versionPerVm(FfaFirmware ffa) {
        for (Guests.Guest vm : Guests.of(ffa).attached()) {
            for (long requested : new long[] {0x1_0000L, 0x1_0001L, 0x1_0002L, 0x1_0009L, 0x2_0000L}) {
                vm.checked(VERSION, requested);
            }
        }
    }

    @Test
    @FreshBoot("a VM's first FF-A call must come before its first FFA_VERSION")
    @Tag("rule:XEN.FFA.VERSION_FIRST")
    @DisplayName("before its first FFA_VERSION a VM's other calls are answered as the release says, and its first"
            + " other call fixes the version it asked for")
    void versionFirst(FfaFirmware ffa) {
        Guests guests = Guests.of(ffa);
        Guests.Guest vm = guests.attached().get(guests.attached().size() - 1);
        vm.checked(FEATURES, VERSION);
        vm.checked(VERSION, 0x1_0001L);
        vm.checked(FEATURES, VERSION);
        vm.checked(VERSION, 0x1_0002L);
        // Fixed at 1.1 (4.22) or moved to 1.2 (4.21): FFA_FEATURES(RXTX_MAP) reports the page limit only from 1.2.
        vm.checked(FEATURES, org.fwcts.model.ffa.FfaFunction.FFA_RXTX_MAP.x0Smc64());
    }

    @Test
    @Tag("rule:XEN.FFA.NOT_ATTACHED")
    @DisplayName("a VM without the mediator gets SMCCC's unknown-function answer to FF-A calls")
    void detached(FfaFirmware ffa) {
        Guests guests = Guests.of(ffa);
        var detached = guests.ids().stream().filter(id -> !guests.setup().vm(id).map(vm -> vm.mediatorAttached())
                .orElse(false)).toList();
        if (detached.isEmpty()) {
            throw new org.opentest4j.TestAbortedException("every VM with an agent has the FF-A mediator");
        }
        for (var id : detached) {
            guests.any(id).checked(VERSION, 0x1_0002L);
        }
    }
}
