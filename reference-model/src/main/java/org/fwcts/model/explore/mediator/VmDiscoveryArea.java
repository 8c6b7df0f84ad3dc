package org.fwcts.model.explore.mediator;

import java.util.List;
import java.util.Map;
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
 * What a VM asks the FF-A mediator about itself: FFA_VERSION (the versions Xen knows, and 2.0 nobody
 * implements), FFA_FEATURES of functions offered, refused and unknown, FFA_ID_GET (domain ID + 1);
 * each also before the VM has a version, where Xen fixes or refuses it.
 */
public final class VmDiscoveryArea implements AreaGenerator {
    private static final List<String> VERSIONS = List.of("0x10000", "0x10001", "0x10002", "0x20000");
    private static final List<Long> FEATURES = List.of(FfaFunction.FFA_VERSION.x0(), FfaFunction.FFA_ID_GET.x0(),
            FfaFunction.FFA_RXTX_MAP.x0Smc64(), FfaFunction.FFA_MEM_SHARE.x0Smc64(),
            FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64(), FfaFunction.FFA_MSG_SEND_DIRECT_REQ2.x0Smc64(),
            FfaFunction.FFA_MEM_LEND.x0Smc64(), 0x8400_00FFL);

    private final List<EndpointId> vms;
    private final Map<EndpointId, Integer> vcpus;

    /** {@code vcpus}: each VM's vCPU count (a race needs two). */
    public VmDiscoveryArea(List<EndpointId> vms, Map<EndpointId, Integer> vcpus) {
        this.vms = List.copyOf(vms);
        this.vcpus = Map.copyOf(vcpus);
    }

    @Override
    public String area() {
        return "vm-discovery";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("version", "features", "id-get", "race");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        GuestView view = GuestView.of(context);
        for (EndpointId vm : vms) {
            boolean agreed = view.vm(vm).agreed();
            for (String version : VERSIONS) {
                double weight = version.equals("0x10002") ? (agreed ? 0.3 : 4) : (agreed ? 0.1 : 0.5);
                proposals.addLazily(weight, () -> Action.of(area(), "version", vm, "version", version));
            }
            for (long function : FEATURES) {
                proposals.addLazily(agreed ? 0.1 : 0.3, () -> Action.of(area(), "features", vm, "function",
                        Guests.hex(function)));
            }
            proposals.addLazily(agreed ? 0.4 : 0.2, () -> Action.of(area(), "id-get", vm));
            if (vcpus.getOrDefault(vm, 1) > 1) {
                // The first FFA_VERSION, then the first other call (the one that lists the VM), each on two
                // vCPUs at once: drawn most while the VM is not listed yet, where the race can bite.
                boolean listed = view.mediator().timesListed(vm) > 0;
                proposals.addLazily(agreed ? 0.1 : 1, () -> Action.of(area(), "race", vm, "calls", "version"));
                proposals.addLazily(listed ? 0.2 : 3, () -> Action.of(area(), "race", vm, "calls", "features"));
            }
        }
    }

    private static Step race(Action action) {
        Registers call = switch (action.param("calls")) {
            case "version" -> Registers.of(FfaFunction.FFA_VERSION.x0(), 0x1_0002L);
            case "features" -> Registers.of(FfaFunction.FFA_FEATURES.x0(), FfaFunction.FFA_VERSION.x0());
            default -> throw Guests.unknown(action, "calls", List.of("version", "features"));
        };
        return new GuestTogether(action.caller(), call, call);
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        return switch (action.kind()) {
            case "version" -> GuestCall.of(action.caller(), Registers.of(FfaFunction.FFA_VERSION.x0(),
                    Guests.hex(action, "version")));
            case "features" -> GuestCall.of(action.caller(), Registers.of(FfaFunction.FFA_FEATURES.x0(),
                    Guests.hex(action, "function")));
            case "race" -> race(action);
            default -> GuestCall.of(action.caller(), Registers.of(FfaFunction.FFA_ID_GET.x0()));
        };
    }
}
