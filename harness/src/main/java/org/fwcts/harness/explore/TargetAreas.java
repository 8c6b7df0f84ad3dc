package org.fwcts.harness.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.session.AgentDirectory;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.ffa.FfaAreas;
import org.fwcts.model.explore.mediator.GuestView;
import org.fwcts.model.explore.mediator.MediatorAreas;
import org.fwcts.model.explore.rmm.RmmAreas;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.firmware.FirmwareModel;

/**
 * The areas explore offers on a target, by what its profile has endpoints for: guest VMs behind
 * Xen's FF-A mediator, guests behind its OP-TEE mediator, the host and realms of an RMM without an
 * SPMC, or the normal world and partitions of an FF-A system; and the context their generators read.
 */
public final class TargetAreas {

    private TargetAreas() {
    }

    /** The generators of the target whose model is {@code model}. */
    public static List<AreaGenerator> of(FirmwareModel model) {
        if (model.mediator().isPresent()) {
            return MediatorAreas.ffa(model.mediator().get().setup());
        }
        if (model.optee().isPresent()) {
            return MediatorAreas.optee(model.optee().get().setup());
        }
        return rmmOnly(model) ? RmmAreas.all() : FfaAreas.all();
    }

    /** Whether the target is an RMM with no SPMC beside it: its areas are the RMM's, called by the host. */
    public static boolean rmmOnly(FirmwareModel model) {
        return model.spmc().isEmpty() && model.rmm().isPresent();
    }

    /** Every area of every kind of target: what scenario files are read against. */
    public static List<AreaGenerator> known() {
        List<AreaGenerator> all = new ArrayList<>(FfaAreas.all());
        all.addAll(MediatorAreas.known());
        all.addAll(RmmAreas.all());
        return all;
    }

    /** Why {@code area}, not one of this target's, is another kind of target's: the endpoints it needs. */
    public static Optional<String> elsewhere(String area) {
        if (MediatorAreas.FFA_AREAS.contains(area)) {
            return Optional.of("calls from guest VMs behind Xen's FF-A mediator (e.g. -t simulated-xen-ffa, -t qemu-xen)");
        }
        if (MediatorAreas.OPTEE_AREAS.contains(area)) {
            return Optional.of("calls from guest VMs behind Xen's OP-TEE mediator (e.g. -t simulated-xen-optee,"
                    + " -t qemu-xen-optee)");
        }
        if (RmmAreas.all().stream().anyMatch(g -> g.area().equals(area))) {
            return Optional.of("RMI calls from the host and RSI calls from realms to an RMM (e.g. -t simulated-rmm,"
                    + " -t qemu-rme)");
        }
        if (FfaAreas.all().stream().anyMatch(g -> g.area().equals(area))) {
            return Optional.of("the normal world and partitions of an FF-A system without a hypervisor (e.g. -t"
                    + " simulated-tfa, -t qemu-tfa)");
        }
        return Optional.empty();
    }

    /**
     * The generators' context on a target whose model is {@code model}: the FF-A system's topology
     * (the normal world alone beside an RMM) and the normal world's scratch memory, or for guests behind the OP-TEE mediator (no FF-A) the
     * guests alone, each with its agent's own scratch area.
     */
    public static ExploreContext context(FirmwareModel model, Optional<Long> scratchBase, String descriptorFile) {
        if (model.spmc().isEmpty() && model.optee().isPresent()) {
            return new ExploreContext(new Topology(List.of(model.normalWorld()), List.of(), List.of()), 0);
        }
        // An RMM without an SPMC: the normal world alone, no partitions.
        Topology topology = model.spmc().map(spmc -> spmc.topology()).orElseGet(() -> rmmOnly(model)
                ? new Topology(List.of(model.normalWorld()), List.of(), List.of()) : null);
        if (topology == null) {
            throw new IllegalArgumentException(descriptorFile + ": profile: " + model.profile().name()
                    + " has no FF-A system or RMM to explore");
        }
        long scratch = scratchBase.orElseThrow(() -> new IllegalArgumentException(descriptorFile
                + ": ffa.scratchBase: missing; explore needs scratch memory for the normal world's buffers and regions"));
        return new ExploreContext(topology, scratch);
    }

    /** Whether the normal world's agent has an FF-A mailbox in the context's scratch memory. */
    public static boolean ffaMailbox(FirmwareModel model) {
        return !(model.spmc().isEmpty() && model.optee().isPresent());
    }

    /** Tells the mediator generators where each guest VM of this boot keeps its scratch area. */
    public static void guests(ExploreContext context, AgentDirectory agents) {
        GuestView view = GuestView.of(context);
        for (var vm : agents.vms()) {
            agents.agent(vm).flatMap(agent -> agent.scratchArea()).ifPresent(area -> view.scratch(vm, area.address()));
        }
    }
}
