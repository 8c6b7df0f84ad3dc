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
import org.fwcts.model.ffa.Uuid;

/**
 * FFA_PARTITION_INFO_GET as a VM sees it: every partition (the SPs and, with VM-to-VM, the VMs the
 * mediator lists), the count alone, an SP's UUID and a UUID nobody serves; into the VM's RX buffer,
 * so also without buffers and while the VM still owns its RX buffer.
 */
public final class VmPartitionInfoArea implements AreaGenerator {
    static final List<String> QUERIES = List.of("all", "count", "sp", "unknown");
    private static final Uuid UNKNOWN = new Uuid(0x7e57_0000_0000_0001L, 0x0bad_0000_0000_0002L);

    private final List<EndpointId> vms;

    public VmPartitionInfoArea(List<EndpointId> vms) {
        this.vms = List.copyOf(vms);
    }

    @Override
    public String area() {
        return "vm-partition-info";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("get");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        GuestView view = GuestView.of(context);
        for (EndpointId vm : vms) {
            boolean ready = view.vm(vm).mailbox().map(box -> box.rxFree()).orElse(false);
            for (String query : QUERIES) {
                double weight = query.equals("count") ? 0.5 : ready ? 0.8 : 0.15;
                proposals.addLazily(weight, () -> Action.of(area(), "get", vm, "query", query));
            }
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        long function = FfaFunction.FFA_PARTITION_INFO_GET.x0();
        Registers call = switch (action.param("query")) {
            case "all" -> Registers.of(function, 0, 0, 0, 0, 0);
            case "count" -> Registers.of(function, 0, 0, 0, 0, 1);
            case "sp" -> uuid(function, context.topology().partitions().isEmpty() ? UNKNOWN
                    : context.topology().partitions().get(0).uuids().get(0));
            case "unknown" -> uuid(function, UNKNOWN);
            default -> throw Guests.unknown(action, "query", QUERIES);
        };
        return GuestCall.of(action.caller(), call);
    }

    private static Registers uuid(long function, Uuid uuid) {
        int[] words = uuid.registerWords();
        return Registers.of(function, words[0] & 0xFFFF_FFFFL, words[1] & 0xFFFF_FFFFL, words[2] & 0xFFFF_FFFFL,
                words[3] & 0xFFFF_FFFFL, 0);
    }
}
