package org.fwcts.model.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.spmc.FfaSystem;
import org.fwcts.model.mediator.MediatorChoices;
import org.fwcts.model.mediator.MediatorSetup;
import org.fwcts.model.mediator.VmEndpoint;

/**
 * Xen with its FF-A mediator, booted as BL33 of TF-A with the EL3 SPMC and the FWCTS partition
 * agent: the guests are the normal-world endpoints, each calling through the mediator.
 */
public final class XenProfiles {
    /** Two dom0less guests (domains 1 and 2, endpoints 2 and 3) of one vCPU each, both with the mediator. */
    public static final List<VmEndpoint> DEFAULT_VMS = List.of(new VmEndpoint(EndpointId.of(2), 1, true),
            new VmEndpoint(EndpointId.of(3), 1, true));

    private XenProfiles() {
    }

    /** Xen of {@code choices}' release on TF-A's EL3 SPMC, VM-to-VM built in where the release has it. */
    static Profile xen(Profile tfaWithSpmc, MediatorChoices choices) {
        MediatorSetup setup = new MediatorSetup(choices, DEFAULT_VMS, choices.vmToVmBuildable());
        Profile named = tfaWithSpmc.toBuilder()
                .name("xen-" + choices.release().substring(0, choices.release().lastIndexOf('.')) + "-ffa")
                .description("Xen " + choices.release() + " FF-A mediator (source tag " + choices.sourceTag()
                        + ") in front of " + tfaWithSpmc.description())
                .build();
        return withMediator(XenGuestCalls.on(named), setup);
    }

    /**
     * {@code profile} with {@code setup} as its mediator: the SPMC's normal-world endpoints become
     * the VMs (the first VM is the one the harness's own agent calls as), then the hypervisor.
     */
    public static Profile withMediator(Profile profile, MediatorSetup setup) {
        FfaSystem system = profile.ffa().orElseThrow(() ->
                new IllegalArgumentException("profile " + profile.name() + " has no FF-A system for a mediator"));
        List<EndpointId> normal = new ArrayList<>(setup.ids());
        normal.add(EndpointId.HYPERVISOR);
        Topology old = system.topology();
        Topology topology = new Topology(normal, old.partitions(), old.ownedMemory(), old.enforced());
        return profile.toBuilder().ffa(Optional.of(new FfaSystem(system.spmc(), topology)))
                .mediator(Optional.of(setup)).build();
    }

    /**
     * Reads a VM list written {@code ID:VCPUS[:detached]}, comma-separated, e.g. {@code 2:2,3:1,4:1:detached}
     * (IDs in hex with 0x or decimal; "detached" for a VM without the mediator).
     */
    public static List<VmEndpoint> parseVms(String text) {
        List<VmEndpoint> vms = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] parts = item.trim().split(":");
            if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("detached"))) {
                throw new IllegalArgumentException("'" + item.trim() + "' is not ID:VCPUS or ID:VCPUS:detached");
            }
            try {
                int id = Integer.decode(parts[0].trim());
                int vcpus = Integer.decode(parts[1].trim());
                vms.add(new VmEndpoint(EndpointId.of(id), vcpus, parts.length == 2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item.trim() + "': not a number", e);
            }
        }
        return vms;
    }
}
