package org.fwcts.model.explore.mediator;

import java.util.List;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.MediatorSetup;
import org.fwcts.model.mediator.optee.OpteeSetup;

/**
 * The areas explore draws from on a target with a hypervisor's mediator, each VM the mediator is
 * attached to a caller: Xen's FF-A mediator (the SP's side of a VM's share included) or its OP-TEE
 * mediator.
 */
public final class MediatorAreas {

    /** The FF-A mediator's area names. */
    public static final List<String> FFA_AREAS = List.of("vm-discovery", "vm-rxtx", "vm-partition-info", "vm-direct",
            "vm-memory");
    /** The OP-TEE mediator's area names. */
    public static final List<String> OPTEE_AREAS = List.of("optee-fast", "optee-session", "optee-rpc");

    private MediatorAreas() {
    }

    /** Every mediator area, calling from no VM: what a scenario file's areas and kinds are read against. */
    public static List<AreaGenerator> known() {
        List<EndpointId> none = List.of();
        return List.of(new VmDiscoveryArea(none, java.util.Map.of()), new VmMailboxArea(none),
                new VmPartitionInfoArea(none), new VmDirectArea(none), new VmMemoryArea(none), new OpteeFastArea(none),
                new OpteeSessionArea(none, 1), new OpteeResumeArea(none));
    }

    /** The FF-A mediator's areas, calling from {@code setup}'s attached VMs. */
    public static List<AreaGenerator> ffa(MediatorSetup setup) {
        List<EndpointId> vms = Guests.attached(setup.vms());
        java.util.Map<EndpointId, Integer> vcpus = new java.util.HashMap<>();
        setup.vms().forEach(vm -> vcpus.put(vm.id(), vm.vcpus()));
        return List.of(new VmDiscoveryArea(vms, vcpus), new VmMailboxArea(vms), new VmPartitionInfoArea(vms),
                new VmDirectArea(vms), new VmMemoryArea(vms));
    }

    /** The OP-TEE mediator's areas, calling from {@code setup}'s attached VMs. */
    public static List<AreaGenerator> optee(OpteeSetup setup) {
        List<EndpointId> vms = Guests.attached(setup.vms());
        return List.of(new OpteeFastArea(vms), new OpteeSessionArea(vms, setup.optee().threads()), new OpteeResumeArea(vms));
    }
}
