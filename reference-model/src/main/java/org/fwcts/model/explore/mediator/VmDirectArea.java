package org.fwcts.model.explore.mediator;

import java.util.List;
import java.util.Set;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;

/**
 * Direct requests from a VM to the SP through the mediator: a round trip to the partition agent
 * (the agent answers the sender it saw, which must be the VM), and requests Xen refuses: another
 * VM's ID as the sender, a VM as the receiver, a receiver nobody is.
 */
public final class VmDirectArea implements AreaGenerator {
    static final List<String> REFUSED = List.of("other-vm-sender", "to-vm", "nobody");

    private final List<EndpointId> vms;

    public VmDirectArea(List<EndpointId> vms) {
        this.vms = List.copyOf(vms);
    }

    @Override
    public String area() {
        return "vm-direct";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("ping", "refused");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        if (context.partitions().isEmpty()) {
            return;
        }
        GuestView view = GuestView.of(context);
        for (EndpointId vm : vms) {
            double weight = view.vm(vm).agreed() ? 1 : 0.1;
            proposals.addLazily(weight, () -> Action.of(area(), "ping", vm, "value", "0x5a5a0001"));
            for (String form : REFUSED) {
                proposals.addLazily(0.15, () -> Action.of(area(), "refused", vm, "form", form));
            }
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        EndpointId vm = action.caller();
        EndpointId sp = context.partitions().isEmpty() ? EndpointId.of(0x8001) : context.partitions().get(0);
        long request = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64();
        long self = vm.value();
        if (action.kind().equals("ping")) {
            long value = Guests.hex(action, "value");
            if (!GuestView.of(context).vm(vm).agreed()) {
                // Before the VM's version is fixed no request reaches the agent: the plain call, checked as such.
                return GuestCall.of(vm, Registers.of(request, self << 16 | sp.value(), 0, value, ~value));
            }
            return new GuestPing(vm, sp, new long[] {value, ~value, value ^ 0x1234});
        }
        EndpointId other = Guests.other(vms, vm);
        Registers call = switch (action.param("form")) {
            case "other-vm-sender" -> Registers.of(request, (long) (other.equals(vm) ? self + 1 : other.value()) << 16
                    | sp.value(), 0, 1, 2, 3);
            case "to-vm" -> Registers.of(request, self << 16 | other.value(), 0, 1, 2, 3);
            case "nobody" -> Registers.of(request, self << 16 | 0x8009, 0, 1, 2, 3);
            default -> throw Guests.unknown(action, "form", REFUSED);
        };
        return GuestCall.of(vm, call);
    }
}
