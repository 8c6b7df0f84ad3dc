package org.fwcts.model.mediator.optee;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.VmEndpoint;

/**
 * Xen's OP-TEE mediator as deployed: the release, the OP-TEE build behind it, and the guests. A
 * guest is named by its client ID, domain ID + 1 (OPTEE_CLIENT_ID), which is also the ID the
 * harness addresses its agent by; {@link VmEndpoint#mediatorAttached()} says whether its domain was
 * created with {@code tee=optee}.
 */
public record OpteeSetup(OpteeChoices xen, OpteeBuild optee, List<VmEndpoint> vms) {
    public OpteeSetup {
        List<VmEndpoint> sorted = new ArrayList<>(vms);
        sorted.sort(Comparator.comparing(VmEndpoint::id));
        vms = List.copyOf(sorted);
        if (vms.isEmpty()) {
            throw new IllegalArgumentException("an OP-TEE mediator needs at least one VM");
        }
    }

    public Optional<VmEndpoint> vm(EndpointId id) {
        return vms.stream().filter(vm -> vm.id().equals(id)).findFirst();
    }

    public List<EndpointId> ids() {
        return vms.stream().map(VmEndpoint::id).toList();
    }

    public OpteeSetup withVms(List<VmEndpoint> changed) {
        return new OpteeSetup(xen, optee, changed);
    }

    public OpteeSetup withBuild(OpteeBuild changed) {
        return new OpteeSetup(xen, changed, vms);
    }
}
