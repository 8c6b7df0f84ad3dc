package org.fwcts.testcases.mediator;

import static org.fwcts.testcases.mediator.MediatorCalls.FEATURES;
import static org.fwcts.testcases.mediator.MediatorCalls.RXTX_MAP_64;
import static org.fwcts.testcases.mediator.MediatorCalls.RXTX_UNMAP;
import static org.fwcts.testcases.mediator.MediatorCalls.RX_RELEASE;
import static org.fwcts.testcases.mediator.MediatorCalls.VERSION;

import java.util.List;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.Guests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each VM's RX/TX pair, held by the mediator: never another VM's. */
@FfaMediatorTest
@DisplayName("Mediator: RX/TX buffers per VM")
class MediatorMailboxTests {

    @Test
    @FreshBoot("the second VM must have no buffers mapped")
    @Tag("rule:XEN.FFA.RXTX_MAP")
    @Tag("rule:XEN.FFA.RX_RELEASE")
    @DisplayName("one VM's mapped buffers are not another's: the other has none until it maps its own")
    void separate(FfaFirmware ffa) {
        List<Guests.Guest> vms = Guests.of(ffa).atLeast(2);
        Guests.Guest mapped = vms.get(0).ready(2);
        Guests.Guest other = vms.get(1);
        other.checked(VERSION, 0x1_0002L);
        other.checked(FEATURES, VERSION);
        other.checked(RX_RELEASE);
        other.checked(MediatorCalls.infoAll());
        other.checked(RXTX_UNMAP);
        // The same guest addresses: each VM's own memory.
        other.checked(RXTX_MAP_64, ffa.txAddress(), ffa.rxAddress(), 1);
        mapped.checked(MediatorCalls.infoAll());
        other.checked(MediatorCalls.infoAll());
        mapped.checked(RX_RELEASE);
        other.checked(RX_RELEASE);
    }

    @Test
    @Tag("rule:XEN.FFA.RXTX_MAP")
    @Tag("rule:XEN.FFA.RXTX_UNMAP")
    @Tag("rule:XEN.FFA.PARTITION_INFO")
    @DisplayName("a VM's RX buffer is its own until released: a second fill is BUSY, unmapping it is as the release says")
    void ownership(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        vm.checked(MediatorCalls.infoAll());
        vm.checked(MediatorCalls.infoAll());
        vm.checked(RXTX_MAP_64, ffa.txAddress(), ffa.rxAddress(), 1);
        vm.checked(RXTX_UNMAP);
        if (vm.state().mailbox().isPresent()) {
            vm.checked(RX_RELEASE);
            vm.checked(RXTX_UNMAP);
        }
        vm.checked(RXTX_MAP_64, ffa.txAddress(), ffa.rxAddress(), 2);
        vm.checked(RXTX_MAP_64, ffa.txAddress(), ffa.rxAddress(), 1);
    }
}
