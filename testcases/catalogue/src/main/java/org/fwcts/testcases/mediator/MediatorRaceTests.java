package org.fwcts.testcases.mediator;

import static org.fwcts.testcases.mediator.MediatorCalls.FEATURES;
import static org.fwcts.testcases.mediator.MediatorCalls.RX_RELEASE;
import static org.fwcts.testcases.mediator.MediatorCalls.VERSION;

import java.util.List;
import org.fwcts.model.Registers;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.Guests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

/**
 * The seed race: a VM's first calls made on two vCPUs at once. The call that adds a VM to the
 * mediator's list (4.21: its first FFA_VERSION; 4.22: its first call after FFA_VERSION) must add
 * it once whichever vCPU wins. Each repetition needs a VM that has never called, so a fresh boot.
 */
@FfaMediatorTest
@DisplayName("Mediator: first calls on two vCPUs of one VM")
class MediatorRaceTests {
    static final int REPETITIONS = 16;

    @RepeatedTest(value = REPETITIONS, name = "repetition {currentRepetition} of {totalRepetitions}")
    @FreshBoot("the racing VM must never have called")
    @Tag("rule:XEN.FFA.PARTITION_INFO.VMS")
    @Tag("rule:XEN.FFA.PARTITION_INFO.COUNT")
    @DisplayName("concurrent first FFA_VERSION, then concurrent first other calls, never list the VM twice")
    void neverListedTwice(FfaFirmware ffa) {
        Guests guests = Guests.of(ffa);
        guests.requireVmToVm();
        List<Guests.Guest> vms = guests.attached();
        Guests.Guest racing = vms.get(vms.size() - 1);
        Registers version = Registers.of(VERSION, 0x1_0002L);
        Registers closing = Registers.of(FEATURES, VERSION);
        for (var check : racing.together(version, version)) {
            org.fwcts.testcases.support.CallAssert.assertThatCall(check).matchesModel();
        }
        for (var check : racing.together(closing, closing)) {
            org.fwcts.testcases.support.CallAssert.assertThatCall(check).matchesModel();
        }
        // The count includes the listed VMs: a second listing shows as one too many.
        racing.checked(MediatorCalls.countAll());
        if (vms.size() > 1) {
            Guests.Guest viewer = vms.get(0).ready(2);
            viewer.checked(MediatorCalls.infoAll());
            viewer.checked(RX_RELEASE);
        }
    }
}
