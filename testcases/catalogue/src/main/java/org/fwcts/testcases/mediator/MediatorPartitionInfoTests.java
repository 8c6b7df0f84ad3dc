package org.fwcts.testcases.mediator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.testcases.mediator.MediatorCalls.RX_RELEASE;

import org.fwcts.model.ffa.Partition;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.Guests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Partition information as each VM sees it through the mediator. */
@FfaMediatorTest
@DisplayName("Mediator: partition information per VM")
class MediatorPartitionInfoTests {

    @Test
    @FreshBoot("every VM must still be free to choose v1.2")
    @Tag("rule:XEN.FFA.PARTITION_INFO")
    @Tag("rule:XEN.FFA.PARTITION_INFO.VMS")
    @Tag("rule:XEN.FFA.PARTITION_INFO.COUNT")
    @DisplayName("each VM (v1.2) gets the SPs and the VMs listed to it, and the count alone agrees with the list")
    void eachVm(FfaFirmware ffa) {
        for (Guests.Guest vm : Guests.of(ffa).attached()) {
            vm.ready(2);
        }
        for (Guests.Guest vm : Guests.of(ffa).attached()) {
            FfaCheck list = vm.checked(MediatorCalls.infoAll());
            vm.checked(RX_RELEASE);
            FfaCheck count = vm.checked(MediatorCalls.countAll());
            assertThat(count.observed().x(2) & 0xFFFF_FFFFL).as("%s: count alone vs the list", vm)
                    .isEqualTo(list.observed().x(2) & 0xFFFF_FFFFL);
        }
    }

    @Test
    @FreshBoot("the VM's version must still be open to choose v1.1")
    @Tag("rule:XEN.FFA.PARTITION_INFO.VMS")
    @DisplayName("a v1.1 VM gets 24-byte descriptors and is left out of its own list and count")
    void v11Caller(FfaFirmware ffa) {
        Guests.Guest vm = last(Guests.of(ffa)).ready(1);
        vm.checked(MediatorCalls.infoAll());
        vm.checked(RX_RELEASE);
        vm.checked(MediatorCalls.countAll());
    }

    @Test
    @FreshBoot("the VM's version must still be open to choose v1.0")
    @Tag("rule:XEN.FFA.PARTITION_INFO")
    @DisplayName("a v1.0 VM gets 8-byte descriptors, and its count-only request is refused")
    void v10Caller(FfaFirmware ffa) {
        Guests.Guest vm = last(Guests.of(ffa)).ready(0);
        vm.checked(MediatorCalls.infoAll());
        vm.checked(RX_RELEASE);
        vm.checked(MediatorCalls.countAll());
    }

    @Test
    @Tag("rule:XEN.FFA.PARTITION_INFO")
    @DisplayName("a UUID query from a VM lists the SP serving it, UUID field zero, and no VM")
    void byUuid(FfaFirmware ffa) {
        if (ffa.model().topology().partitions().isEmpty()) {
            throw new TestAbortedException("the target has no secure partition");
        }
        Partition sp = ffa.model().topology().partitions().get(0);
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        vm.checked(MediatorCalls.infoFor(MediatorCalls.uuidOf(sp)));
        vm.checked(RX_RELEASE);
    }

    private static Guests.Guest last(Guests guests) {
        return guests.attached().get(guests.attached().size() - 1);
    }
}
