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
 * Each VM's RX/TX pair, held by the mediator: map (SMC64 and SMC32) at the VM's own scratch pages,
 * near misses (a second map, unaligned buffers, two pages, none), unmap and RX release, whether or
 * not the VM has buffers or owns its RX buffer. Every VM maps the same guest addresses: its own RAM.
 */
public final class VmMailboxArea implements AreaGenerator {
    static final List<String> FORMS = List.of("own", "unaligned", "two-pages", "no-pages");

    private final List<EndpointId> vms;

    public VmMailboxArea(List<EndpointId> vms) {
        this.vms = List.copyOf(vms);
    }

    @Override
    public String area() {
        return "vm-rxtx";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("map", "unmap", "rx-release");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        GuestView view = GuestView.of(context);
        for (EndpointId vm : vms) {
            boolean mapped = view.vm(vm).mailbox().isPresent();
            boolean rxFull = view.vm(vm).mailbox().map(box -> !box.rxFree()).orElse(false);
            proposals.addLazily(mapped ? 0.15 : 2, () -> Action.of(area(), "map", vm, "form", "own", "smc", "64"));
            proposals.addLazily(0.1, () -> Action.of(area(), "map", vm, "form", "own", "smc", "32"));
            for (String form : FORMS.subList(1, FORMS.size())) {
                proposals.addLazily(0.1, () -> Action.of(area(), "map", vm, "form", form, "smc", "64"));
            }
            proposals.addLazily(mapped ? 0.25 : 0.1, () -> Action.of(area(), "unmap", vm));
            proposals.addLazily(rxFull ? 2 : 0.15, () -> Action.of(area(), "rx-release", vm));
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        EndpointId vm = action.caller();
        if (action.kind().equals("unmap")) {
            return GuestCall.of(vm, Registers.of(FfaFunction.FFA_RXTX_UNMAP.x0()));
        }
        if (action.kind().equals("rx-release")) {
            return GuestCall.of(vm, Registers.of(FfaFunction.FFA_RX_RELEASE.x0()));
        }
        long tx = context.txAddress(context.normalWorld());
        long rx = context.rxAddress(context.normalWorld());
        long pages = 1;
        switch (action.param("form")) {
            case "own" -> { }
            case "unaligned" -> {
                tx += 0x800;
                rx += 0x800;
            }
            case "two-pages" -> pages = 2;
            case "no-pages" -> pages = 0;
            default -> throw Guests.unknown(action, "form", FORMS);
        }
        boolean smc32 = action.param("smc", "64").equals("32");
        long function = smc32 ? FfaFunction.FFA_RXTX_MAP.x0() : FfaFunction.FFA_RXTX_MAP.x0Smc64();
        return GuestCall.of(vm, Registers.of(function, tx, rx, pages));
    }
}
