package org.fwcts.testcases.mediator.optee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.mediator.optee.OpteeMessage;
import org.fwcts.model.mediator.optee.OpteeSmc;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.fwcts.testcases.support.OpteeCall;
import org.fwcts.testcases.support.OpteeGuests;
import org.fwcts.testcases.support.RequiresOpteeMediator;
import org.fwcts.testcases.support.TestRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Standard calls that OP-TEE interrupts with RPCs: opening a session to a TA that does not exist
 * makes OP-TEE ask the guest for a message buffer, then to load the TA, then give the buffer back.
 */
@ConformanceTest
@RequiresOpteeMediator
@Tag("optee")
@Tag("area:mediator")
@DisplayName("OP-TEE mediator: RPCs and their resumption")
class OpteeRpcTests {

    @Test
    @Tag("rule:XEN.OPTEE.RPC")
    @Tag("rule:XEN.OPTEE.RPC_ALLOC")
    @Tag("rule:OPTEE.OPEN_SESSION")
    @DisplayName("an RPC round trip: buffer allocated, load refused, buffer freed, the call ended with OP-TEE's error")
    void roundTrip(Firmware firmware) {
        for (OpteeGuests.OpteeGuest vm : OpteeGuests.of(firmware).attached()) {
            OpteeCall call = vm.call(OpteeMessages.openMissingTa(), 0).start();
            assertThat(call.waiting()).as("%s's call waits in an RPC", vm).isTrue();
            // The model judges the command buffer read back: an error OP-TEE chooses, origin and the rest as Xen copies them.
            call.finish();
        }
    }

    @Test
    @Tag("rule:XEN.OPTEE.RESUME")
    @DisplayName("a call started on vCPU 0 is resumed from vCPU 1, every RPC of it")
    void otherVcpu(Firmware firmware) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        OpteeCall call = vm.call(OpteeMessages.openMissingTa(), 0).start(0).finish(1);
        assertThat(call.waiting()).as("the call still waits").isFalse();
    }

    @Test
    @Tag("rule:XEN.OPTEE.RESUME")
    @DisplayName("a second resume of a call that already ended is ERESUME")
    void secondResume(Firmware firmware) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        OpteeCall call = vm.call(OpteeMessages.openMissingTa(), 0).start();
        int thread = call.thread();
        call.finish();
        vm.smc(OpteeSmc.RETURN_FROM_RPC, 0, 0, thread);
    }

    @Test
    @Tag("rule:XEN.OPTEE.RPC_CMD_COOKIE")
    @Tag("rule:XEN.OPTEE.RESUME")
    @DisplayName("resuming an RPC_CMD without the cookie of the guest's RPC buffer: Xen writes no registers back and"
            + " drops the call, which no resume reaches again")
    void resumeWithoutCookie(Firmware firmware, TestRun run) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        OpteeCall call = vm.call(OpteeMessages.openMissingTa(), 0).start();
        for (int i = 0; i < 32 && call.waiting() && call.waitingIn() != OpteeSmc.RPC_CMD; i++) {
            call.resumeThroughInterrupts(0);
        }
        if (call.waitingIn() != OpteeSmc.RPC_CMD) {
            throw new AssertionError("OP-TEE ended the call without an RPC_CMD");
        }
        // The dropped call keeps an OP-TEE thread for the rest of the boot.
        run.rebootBeforeNextTest("an OP-TEE call Xen dropped holds a thread until the next boot");
        long cookie = OpteeSmc.pair(call.registers().x(1), call.registers().x(2));
        vm.smc(OpteeSmc.RETURN_FROM_RPC, cookie >>> 32, (cookie & 0xFFFF_FFFFL) ^ 0x1000, call.thread());
        vm.smc(OpteeSmc.RETURN_FROM_RPC, cookie >>> 32, cookie & 0xFFFF_FFFFL, call.thread());
    }

    @Test
    @Tag("rule:XEN.OPTEE.SHADOW")
    @DisplayName("the guest rewrites its command buffer while OP-TEE holds the call, and OP-TEE still works on Xen's"
            + " copy: the outputs come back as OP-TEE saw them")
    void rewriteDuringCall(Firmware firmware) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        OpteeMessage.Param original = new OpteeMessage.Param(OpteeMessage.ATTR_VALUE_INOUT, 0x1111, 0x2222, 0x3333);
        OpteeCall call = vm.call(OpteeMessages.openMissingTa(original), 0).start();
        if (!call.waiting()) {
            throw new AssertionError("OP-TEE ended the call without an RPC: nothing to rewrite during");
        }
        List<OpteeMessage.Param> rewritten = new ArrayList<>(call.message().params());
        rewritten.set(2, new OpteeMessage.Param(OpteeMessage.ATTR_VALUE_INOUT, 0xAAAA, 0xBBBB, 0xCCCC));
        call.resume(0, Optional.of(call.message().withParams(rewritten)));
        call.finish();
        assertThat(call.buffer().params().get(2)).as("the value parameter after the call").isEqualTo(original);
    }
}
