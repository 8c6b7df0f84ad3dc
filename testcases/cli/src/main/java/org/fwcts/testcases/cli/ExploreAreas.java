package org.fwcts.testcases.cli;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ffa.FfaAreas;
import org.fwcts.model.explore.mediator.MediatorAreas;
import org.fwcts.model.firmware.FirmwareModel;

/**
 * The areas explore offers on a target, by what its profile has endpoints for: guest VMs behind
 * Xen's FF-A mediator, guests behind its OP-TEE mediator, or the normal world and partitions of an
 * FF-A system.
 */
final class ExploreAreas {

    private ExploreAreas() {
    }

    /** The generators of the target whose model is {@code model}. */
    static List<AreaGenerator> of(FirmwareModel model) {
        if (model.mediator().isPresent()) {
            return MediatorAreas.ffa(model.mediator().get().setup());
        }
        if (model.optee().isPresent()) {
            return MediatorAreas.optee(model.optee().get().setup());
        }
        return FfaAreas.all();
    }

    /** Why {@code area}, unknown on this target, is another kind of target's: the endpoints it needs. */
    static Optional<String> elsewhere(String area) {
        if (MediatorAreas.FFA_AREAS.contains(area)) {
            return Optional.of("calls from guest VMs behind Xen's FF-A mediator (e.g. -t simulated-xen-ffa, -t qemu-xen)");
        }
        if (MediatorAreas.OPTEE_AREAS.contains(area)) {
            return Optional.of("calls from guest VMs behind Xen's OP-TEE mediator (e.g. -t simulated-xen-optee,"
                    + " -t qemu-xen-optee)");
        }
        if (FfaAreas.all().stream().anyMatch(g -> g.area().equals(area))) {
            return Optional.of("the normal world and partitions of an FF-A system without a hypervisor (e.g. -t"
                    + " simulated-tfa, -t qemu-tfa)");
        }
        return Optional.empty();
    }
}
