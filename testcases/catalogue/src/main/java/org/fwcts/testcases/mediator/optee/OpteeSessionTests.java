package org.fwcts.testcases.mediator.optee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fwcts.model.mediator.optee.OpteeMessage;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.fwcts.testcases.support.OpteeCall;
import org.fwcts.testcases.support.OpteeGuests;
import org.fwcts.testcases.support.RequiresOpteeMediator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sessions to OP-TEE's built-in pseudo TAs, which need no TA image. */
@ConformanceTest
@RequiresOpteeMediator
@Tag("optee")
@Tag("area:mediator")
@DisplayName("OP-TEE mediator: pseudo TA sessions")
class OpteeSessionTests {

    @Test
    @Tag("rule:OPTEE.OPEN_SESSION")
    @Tag("rule:OPTEE.DEVICE_PTA")
    @Tag("rule:OPTEE.SESSION")
    @DisplayName("a session to the device enumeration pseudo TA is opened, invoked, closed, and then gone")
    void openInvokeClose(Firmware firmware) {
        for (OpteeGuests.OpteeGuest vm : OpteeGuests.of(firmware).attached()) {
            OpteeCall open = vm.call(OpteeMessages.openDevicePta(), 0).start().finish();
            assertThat(open.buffer().ret()).as("%s's OPEN_SESSION ret", vm).isZero();
            int session = open.buffer().session();
            vm.call(OpteeMessages.invoke(session, OpteeMessages.NO_SUCH_COMMAND), 0).start().finish();
            vm.call(OpteeMessages.invoke(session, OpteeMessages.GET_DEVICES,
                    new OpteeMessage.Param(OpteeMessage.ATTR_VALUE_INPUT, 1, 2, 3)), 0).start().finish();
            OpteeCall close = vm.call(OpteeMessages.close(session), 0).start().finish();
            assertThat(close.buffer().ret()).as("%s's CLOSE_SESSION ret", vm).isZero();
            vm.call(OpteeMessages.invoke(session, OpteeMessages.NO_SUCH_COMMAND), 0).start().finish();
            vm.call(OpteeMessages.close(session), 0).start().finish();
        }
    }

    @Test
    @Tag("rule:OPTEE.OPEN_SESSION")
    @DisplayName("OPEN_SESSION without its two meta parameters is BAD_PARAMETERS from OP-TEE")
    void openWithoutMeta(Firmware firmware) {
        OpteeGuests.OpteeGuest vm = OpteeGuests.of(firmware).attached().get(0);
        vm.call(OpteeMessage.of(OpteeMessage.CMD_OPEN_SESSION, 0, 0, List.of(new OpteeMessage.Param(
                OpteeMessage.ATTR_VALUE_INPUT, 0, 0, 0))), 0).start().finish();
    }
}
