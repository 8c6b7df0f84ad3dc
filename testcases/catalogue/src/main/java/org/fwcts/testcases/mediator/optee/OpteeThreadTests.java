package org.fwcts.testcases.mediator.optee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.mediator.optee.OpteeSmc;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.fwcts.testcases.support.OpteeCall;
import org.fwcts.testcases.support.OpteeGuests;
import org.fwcts.testcases.support.RequiresOpteeMediator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The thread limit: as many standard calls in OP-TEE at once as it has threads. */
@ConformanceTest
@RequiresOpteeMediator
@Tag("optee")
@Tag("area:mediator")
@DisplayName("OP-TEE mediator: thread limit")
class OpteeThreadTests {

    @Test
    @Tag("rule:XEN.OPTEE.THREAD_LIMIT")
    @DisplayName("with every thread held by a waiting call another call is ETHREAD_LIMIT, even one the mediator would"
            + " refuse later, and succeeds once one ends")
    void limit(Firmware firmware) {
        OpteeGuests guests = OpteeGuests.of(firmware);
        OpteeGuests.OpteeGuest vm = guests.attached().get(0);
        int threads = guests.setup().optee().threads();
        List<OpteeCall> held = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            OpteeCall call = vm.call(OpteeMessages.openMissingTa(), i).start();
            if (!call.waiting()) {
                throw new AssertionError("call " + i + " ended without an RPC: it holds no thread");
            }
            held.add(call);
        }
        OpteeCall refused = vm.call(OpteeMessages.openDevicePta(), threads).start();
        assertThat(refused.registers().x(0)).as("x0").isEqualTo(OpteeSmc.RETURN_ETHREAD_LIMIT);
        // A buffer the mediator refuses only after its thread count (misaligned): OP-TEE, which keeps a
        // limit of its own per guest, never sees this call, so only the mediator's limit answers it.
        vm.callAt(OpteeMessages.openDevicePta(), vm.page(threads) + 0x40).start();
        // Resumed in turn: one may wait for another loading a TA (an OP-TEE wait queue).
        OpteeCall.finishTogether(held, true);
        OpteeCall admitted = vm.call(OpteeMessages.openDevicePta(), threads).start().finish();
        assertThat(admitted.buffer().ret()).as("ret once a thread is free").isZero();
        vm.call(OpteeMessages.close(admitted.buffer().session()), threads).start().finish();
        OpteeCall.finishTogether(held, false);
    }
}
