package org.fwcts.testcases.mediator.optee;

import org.fwcts.model.mediator.optee.OpteeSmc;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.fwcts.testcases.support.OpteeGuests;
import org.fwcts.testcases.support.RequiresOpteeMediator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** OP-TEE's fast calls as each guest sees them through Xen's mediator. */
@ConformanceTest
@RequiresOpteeMediator
@Tag("optee")
@Tag("area:mediator")
@DisplayName("OP-TEE mediator: fast calls")
class OpteeFastCallTests {

    @Test
    @Tag("rule:XEN.OPTEE.FAST")
    @Tag("rule:OPTEE.UID")
    @DisplayName("each guest gets OP-TEE's UIDs and revisions, Xen's own call count, and no build ID")
    void identity(Firmware firmware) {
        for (OpteeGuests.OpteeGuest vm : OpteeGuests.of(firmware).attached()) {
            vm.smc(OpteeSmc.CALLS_COUNT);
            vm.smc(OpteeSmc.CALLS_UID);
            vm.smc(OpteeSmc.CALLS_REVISION);
            vm.smc(OpteeSmc.GET_OS_UUID);
            // x2 marks what the guest passed: Xen returns OP-TEE's x0 and x1 only.
            vm.smc(OpteeSmc.GET_OS_REVISION, 0, 0x5a5a_0001L);
            vm.smc(OpteeSmc.GET_OS_REVISION, 0, 0x5a5a_0002L);
        }
    }

    @Test
    @Tag("rule:XEN.OPTEE.CAPABILITIES")
    @DisplayName("the capability exchange as a guest sees it: its own capabilities cut to UNIPROCESSOR, OP-TEE's to"
            + " what Xen knows, x2 and x3 not written")
    void capabilities(Firmware firmware) {
        for (OpteeGuests.OpteeGuest vm : OpteeGuests.of(firmware).attached()) {
            vm.smc(OpteeSmc.EXCHANGE_CAPABILITIES, 0, 0x11, 0x22);
            vm.smc(OpteeSmc.EXCHANGE_CAPABILITIES, OpteeSmc.NSEC_CAP_UNIPROCESSOR, 0x33, 0x44);
            vm.smc(OpteeSmc.EXCHANGE_CAPABILITIES, 0xFFFF_FFFFL, 0x55, 0x66);
        }
    }

    @Test
    @Tag("rule:XEN.OPTEE.SHM_CONFIG")
    @Tag("rule:XEN.OPTEE.SHM_CACHE")
    @Tag("rule:XEN.OPTEE.UNKNOWN")
    @DisplayName("no static shared memory, no cached RPC buffer, and SMCs the mediator does not list are unknown")
    void refused(Firmware firmware) {
        for (OpteeGuests.OpteeGuest vm : OpteeGuests.of(firmware).attached()) {
            vm.smc(OpteeSmc.GET_SHM_CONFIG);
            vm.smc(OpteeSmc.DISABLE_SHM_CACHE);
            vm.smc(OpteeSmc.GET_THREAD_COUNT);
            vm.smc(OpteeSmc.CALL_WITH_RPC_ARG);
            vm.smc(OpteeSmc.CALL_WITH_REGD_ARG);
            vm.smc(OpteeSmc.VM_CREATED, 0x77);
            vm.smc(OpteeSmc.VM_DESTROYED, 0x77);
            vm.smc(OpteeSmc.BOOT_SECONDARY);
            vm.smc(OpteeSmc.L2CC_MUTEX);
        }
    }
}
