package org.fwcts.model.explore.mediator;

import java.util.LinkedHashMap;
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
import org.fwcts.model.mediator.optee.OpteeSmc;

/**
 * A guest's fast OP-TEE calls: the ones Xen answers itself or passes on (calls count, UIDs,
 * revisions), the capability exchange with the capabilities a guest may and may not claim, and
 * those Xen gives the unknown-function answer (shared-memory configuration, thread count, ...).
 */
public final class OpteeFastArea implements AreaGenerator {
    private static final Map<String, long[]> CALLS = new LinkedHashMap<>();

    static {
        CALLS.put("calls-count", new long[] {OpteeSmc.CALLS_COUNT});
        CALLS.put("calls-uid", new long[] {OpteeSmc.CALLS_UID});
        CALLS.put("calls-revision", new long[] {OpteeSmc.CALLS_REVISION});
        CALLS.put("os-uuid", new long[] {OpteeSmc.GET_OS_UUID});
        CALLS.put("os-revision", new long[] {OpteeSmc.GET_OS_REVISION, 0, 0x5a5a_0001L});
        CALLS.put("capabilities", new long[] {OpteeSmc.EXCHANGE_CAPABILITIES, 0, 0x11, 0x22});
        CALLS.put("capabilities-uniprocessor", new long[] {OpteeSmc.EXCHANGE_CAPABILITIES,
            OpteeSmc.NSEC_CAP_UNIPROCESSOR, 0x33, 0x44});
        CALLS.put("capabilities-all", new long[] {OpteeSmc.EXCHANGE_CAPABILITIES, 0xFFFF_FFFFL, 0x55, 0x66});
        CALLS.put("shm-config", new long[] {OpteeSmc.GET_SHM_CONFIG});
        CALLS.put("thread-count", new long[] {OpteeSmc.GET_THREAD_COUNT});
        CALLS.put("disable-shm-cache", new long[] {OpteeSmc.DISABLE_SHM_CACHE});
        CALLS.put("vm-created", new long[] {OpteeSmc.VM_CREATED, 0x77});
    }

    private final List<EndpointId> vms;

    public OpteeFastArea(List<EndpointId> vms) {
        this.vms = List.copyOf(vms);
    }

    @Override
    public String area() {
        return "optee-fast";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("call");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        for (EndpointId vm : vms) {
            for (String name : CALLS.keySet()) {
                proposals.addLazily(name.startsWith("capabilities") ? 0.3 : 0.15, () -> Action.of(area(), "call", vm,
                        "function", name));
            }
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        long[] registers = CALLS.get(action.param("function"));
        if (registers == null) {
            throw Guests.unknown(action, "function", List.copyOf(CALLS.keySet()));
        }
        return GuestCall.of(action.caller(), Registers.of(registers));
    }
}
