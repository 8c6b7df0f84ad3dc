package org.fwcts.model.explore.mediator;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.optee.OpteeSmc;
import org.fwcts.model.mediator.optee.StdCall;

/**
 * RPC returns: a call waiting in an RPC resumed by its guest, on the vCPU that made it or on the
 * other, or after the guest rewrote the call's buffer (OP-TEE must go on with Xen's copy); near misses: a second resume of a thread whose call has ended (or never was), and another
 * VM resuming the call. A waiting call is named by its origin: {@code owner} (a VM) and
 * {@code call} (the owner's K-th waiting call); one with nothing to name is a thread with no call.
 */
public final class OpteeResumeArea implements AreaGenerator {
    private final List<EndpointId> vms;

    public OpteeResumeArea(List<EndpointId> vms) {
        this.vms = List.copyOf(vms);
    }

    @Override
    public String area() {
        return "optee-rpc";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("resume", "resume-other", "resume-none");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        GuestView view = GuestView.of(context);
        for (EndpointId vm : vms) {
            int waiting = waiting(view, vm).size();
            for (int k = 0; k < waiting; k++) {
                String call = Integer.toString(k);
                proposals.addLazily(3, () -> Action.of(area(), "resume", vm, "call", call, "vcpu", "0"));
                proposals.addLazily(1, () -> Action.of(area(), "resume", vm, "call", call, "vcpu", "1"));
                proposals.addLazily(0.5, () -> Action.of(area(), "resume", vm, "call", call, "vcpu", "0",
                        "rewrite", "true"));
                EndpointId other = Guests.other(vms, vm);
                if (!other.equals(vm)) {
                    proposals.addLazily(0.2, () -> Action.of(area(), "resume-other", other, "owner", vm.toString(),
                            "call", call));
                }
            }
            for (int thread = 0; thread < 2; thread++) {
                String named = Integer.toString(thread);
                proposals.addLazily(0.1, () -> Action.of(area(), "resume-none", vm, "thread", named));
            }
        }
    }

    private static List<StdCall> waiting(GuestView view, EndpointId vm) {
        return view.optee().calls().stream().filter(call -> call.vm().equals(vm) && !call.lost()).toList();
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        GuestView view = GuestView.of(context);
        EndpointId caller = action.caller();
        if (action.kind().equals("resume-none")) {
            return GuestCall.of(caller, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0, 0, Guests.index(action, "thread")));
        }
        EndpointId owner = action.kind().equals("resume") ? caller : Guests.endpoint(action, "owner");
        List<StdCall> waiting = waiting(view, owner);
        Optional<StdCall> call = waiting.isEmpty() ? Optional.empty()
                : Optional.of(waiting.get(Guests.index(action, "call") % waiting.size()));
        if (call.isEmpty()) {
            // Nothing waits any more (a shrink removed the call that waited): a resume of thread 0 with no call.
            return GuestCall.of(caller, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0, 0, 0));
        }
        int vcpu = action.params().containsKey("vcpu") ? Guests.index(action, "vcpu") % 2 : 0;
        long rpcPage = view.page(owner, OpteeCalls.FIRST_RPC_PAGE + call.get().thread()).orElse(0L);
        boolean rewrite = Boolean.parseBoolean(action.param("rewrite", "false"));
        return OpteeCalls.resume(caller, vcpu, call.get(), rpcPage, rewrite);
    }
}
