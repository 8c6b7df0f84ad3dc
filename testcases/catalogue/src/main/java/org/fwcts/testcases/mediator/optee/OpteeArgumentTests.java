package org.fwcts.testcases.mediator.optee;

import java.util.List;
import org.fwcts.model.mediator.optee.OpteeMessage;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.fwcts.testcases.support.OpteeGuests;
import org.fwcts.testcases.support.RequiresOpteeMediator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The command buffer a standard call names, as Xen checks it before OP-TEE sees anything. */
@ConformanceTest
@RequiresOpteeMediator
@Tag("optee")
@Tag("area:mediator")
@DisplayName("OP-TEE mediator: command buffers")
class OpteeArgumentTests {

    @Test
    @Tag("rule:XEN.OPTEE.ARG_ALIGNMENT")
    @DisplayName("a command buffer not 4K-aligned is refused with EBADADDR and left as written")
    void unaligned(Firmware firmware) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        vm.callAt(OpteeMessages.openDevicePta(), vm.page(0) + 0x40).start();
    }

    @Test
    @Tag("rule:XEN.OPTEE.ARG_MEMORY")
    @DisplayName("a command buffer outside the guest's RAM is refused with EBADADDR")
    void outsideGuest(Firmware firmware) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        // IPA 0x1000 is below GUEST_RAM0_BASE: nothing the guest could write there.
        vm.smc(org.fwcts.model.mediator.optee.OpteeSmc.CALL_WITH_ARG, 0, 0x1000);
    }

    @Test
    @Tag("rule:XEN.OPTEE.ARG_SIZE")
    @DisplayName("a message declaring more parameters than a page holds gets BAD_PARAMETERS from the mediator")
    void tooManyParameters(Firmware firmware) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        vm.call(OpteeMessages.openDevicePta().withDeclaredParams(200), 0).start();
    }

    @Test
    @Tag("rule:XEN.OPTEE.ARG_CMD")
    @DisplayName("a command the mediator does not pass on is EBADCMD")
    void unknownCommand(Firmware firmware) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        vm.call(OpteeMessage.of(0x99, 0, 0, List.of()), 0).start();
    }

    @Test
    @Tag("rule:XEN.OPTEE.ARG_TMEM")
    @DisplayName("a contiguous temporary memory reference is refused by the mediator, not passed to OP-TEE")
    void contiguousMemory(Firmware firmware) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        vm.call(OpteeMessages.invoke(0, 0, new OpteeMessage.Param(OpteeMessage.ATTR_TMEM_INPUT, vm.page(1), 64, 0)), 0)
                .start();
    }
}
