package org.fwcts.testcases.mediator;

import static org.fwcts.testcases.mediator.MediatorCalls.FEATURES;
import static org.fwcts.testcases.mediator.MediatorCalls.RX_RELEASE;
import static org.fwcts.testcases.mediator.MediatorCalls.VERSION;

import java.util.List;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.Guests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** VMs listed to each other (CONFIG_FFA_VM_TO_VM): when a VM joins the list, and how it is described. */
@FfaMediatorTest
@DisplayName("Mediator: VM-to-VM listing")
class MediatorVmToVmTests {

    @Test
    @FreshBoot("the listed VM must not have negotiated yet")
    @Tag("rule:XEN.FFA.PARTITION_INFO.VMS")
    @DisplayName("another VM appears in a VM's list once it has negotiated (4.22: made a call after FFA_VERSION),"
            + " with its vCPU count, zero UUID and VM properties")
    void joins(FfaFirmware ffa) {
        Guests guests = Guests.of(ffa);
        guests.requireVmToVm();
        List<Guests.Guest> vms = guests.atLeast(2);
        Guests.Guest viewer = vms.get(0).ready(2);
        Guests.Guest joining = vms.get(1);
        viewer.checked(MediatorCalls.infoAll());
        viewer.checked(RX_RELEASE);
        joining.checked(VERSION, 0x1_0002L);
        viewer.checked(MediatorCalls.infoAll());
        viewer.checked(RX_RELEASE);
        joining.checked(FEATURES, VERSION);
        viewer.checked(MediatorCalls.infoAll());
        viewer.checked(RX_RELEASE);
        viewer.checked(MediatorCalls.countAll());
    }

    @Test
    @Tag("rule:XEN.FFA.PARTITION_INFO.VMS")
    @DisplayName("every VM sees each other negotiated VM once, described the same way")
    void everyViewer(FfaFirmware ffa) {
        Guests guests = Guests.of(ffa);
        guests.requireVmToVm();
        List<Guests.Guest> vms = guests.atLeast(2);
        for (Guests.Guest vm : vms) {
            vm.ready(2);
        }
        for (Guests.Guest vm : vms) {
            vm.checked(MediatorCalls.infoAll());
            vm.checked(RX_RELEASE);
        }
    }
}
