package org.fwcts.testcases.mediator.optee;

import org.fwcts.model.mediator.optee.OpteeSmc;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.fwcts.testcases.support.OpteeCall;
import org.fwcts.testcases.support.OpteeGuests;
import org.fwcts.testcases.support.RequiresOpteeMediator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each guest reaches OP-TEE as its own client (domain ID + 1): sessions and waiting calls are its own. */
@ConformanceTest
@RequiresOpteeMediator
@Tag("optee")
@Tag("area:mediator")
@DisplayName("OP-TEE mediator: client IDs per VM")
class OpteeClientTests {

    @Test
    @Tag("rule:XEN.OPTEE.CLIENT_ID")
    @Tag("rule:OPTEE.SESSION")
    @DisplayName("a session one VM opened is not another VM's to invoke or close")
    void sessionsPerClient(Firmware firmware) {
        var vms = OpteeGuests.of(firmware).atLeast(2);
        OpteeGuests.OpteeGuest owner = vms.get(0);
        OpteeGuests.OpteeGuest other = vms.get(1);
        int session = owner.call(OpteeMessages.openDevicePta(), 0).start().finish().buffer().session();
        other.call(OpteeMessages.invoke(session, OpteeMessages.NO_SUCH_COMMAND), 0).start().finish();
        other.call(OpteeMessages.close(session), 0).start().finish();
        owner.call(OpteeMessages.close(session), 0).start().finish();
    }

    @Test
    @Tag("rule:XEN.OPTEE.RESUME")
    @Tag("rule:XEN.OPTEE.CLIENT_ID")
    @DisplayName("a call one VM has waiting in OP-TEE cannot be resumed by another VM")
    void callsPerClient(Firmware firmware) {
        var vms = OpteeGuests.of(firmware).atLeast(2);
        OpteeCall call = vms.get(0).call(OpteeMessages.openMissingTa(), 0).start();
        if (!call.waiting()) {
            throw new AssertionError("OP-TEE ended the call without an RPC: nothing to resume");
        }
        vms.get(1).smc(OpteeSmc.RETURN_FROM_RPC, 0, 0, call.thread());
        call.finish();
    }
}
