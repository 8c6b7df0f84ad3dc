package org.fwcts.model.firmware;

import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.mediator.MediatorRules;
import org.fwcts.model.mediator.MediatorState;
import org.fwcts.model.mediator.VmState;

/**
 * A VM destroyed under Xen's mediator (XEN.FFA.TEARDOWN, 4.22): what the mediator undoes at once,
 * and the reclaims it makes of the VM's shares, now and at each retry, answered by the SPMC model.
 * No call of any endpoint causes it: the toolstack destroys the domain.
 */
final class VmTeardown {
    private static final long SUCCESS_32 = FfaFunction.FFA_SUCCESS.x0();
    private static final long ERROR = FfaFunction.FFA_ERROR.x0();
    private static final int DENIED = org.fwcts.model.ffa.FfaError.DENIED.code();

    private final FirmwareModel model;

    VmTeardown(FirmwareModel model) {
        this.model = model;
    }

    /** ffa_domain_teardown: off the list (when it had negotiated), buffers dropped, then the first reclaim round. */
    ModelState destroy(ModelState state, EndpointId vm) {
        MediatorState mediator = model.mediatorState(state);
        VmState self = mediator.vm(vm);
        if (model.mediator().map(m -> m.setup().vmToVm()).orElse(false) && self.agreed()) {
            mediator = mediator.unlisting(vm);
        }
        mediator = mediator.with(vm, new VmState(0, 0, Optional.empty(), self.shares()));
        return retry(state.withMediator(mediator), vm);
    }

    /**
     * ffa_shm_domain_destroy: FFA_MEM_RECLAIM(handle, 0) for each share still held; reclaimed and
     * permanently refused shares leave the VM, DENIED ones stay for the next round.
     */
    ModelState retry(ModelState state, EndpointId vm) {
        for (long handle : model.mediatorState(state).vm(vm).shares()) {
            Registers reclaim = Registers.of(FfaFunction.FFA_MEM_RECLAIM.x0(), handle & 0xFFFF_FFFFL, handle >>> 32, 0, 0);
            Outcome outcome = model.predict(state, FfaCall.of(EndpointId.HYPERVISOR, reclaim));
            if (!(outcome instanceof Outcome.Predicted predicted)) {
                throw new IllegalStateException("the SPMC model cannot follow the reclaim of 0x" + Long.toHexString(handle)
                        + " at " + vm + "'s teardown [" + MediatorRules.TEARDOWN.id() + "]");
            }
            Expected primary = predicted.primary();
            Registers answer = ConformingAnswer.registers(primary.registers(), reclaim);
            long status = answer.x(0) & 0xFFFF_FFFFL;
            boolean denied = status == ERROR && (int) answer.x(2) == DENIED;
            ModelState next = status == SUCCESS_32 ? primary.next(answer) : state;
            if (!denied) {
                MediatorState mediator = model.mediatorState(next);
                next = next.withMediator(mediator.with(vm, mediator.vm(vm).withoutShare(handle)));
            }
            state = next;
        }
        return state;
    }
}
