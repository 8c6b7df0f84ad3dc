package org.fwcts.model.mediator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;

/**
 * A mediator as deployed: the release's choices, the guests, and whether the build lists VMs to
 * each other (CONFIG_FFA_VM_TO_VM).
 *
 * @param vms the guests, ordered by endpoint ID
 */
public record MediatorSetup(MediatorChoices choices, List<VmEndpoint> vms, boolean vmToVm) {
    public MediatorSetup {
        List<VmEndpoint> sorted = new ArrayList<>(vms);
        sorted.sort(Comparator.comparing(VmEndpoint::id));
        vms = List.copyOf(sorted);
        if (vms.isEmpty()) {
            throw new IllegalArgumentException("a mediator needs at least one VM");
        }
        for (int i = 1; i < vms.size(); i++) {
            if (vms.get(i).id().equals(vms.get(i - 1).id())) {
                throw new IllegalArgumentException("two VMs with endpoint ID " + vms.get(i).id());
            }
        }
        if (vmToVm && !choices.vmToVmBuildable()) {
            throw new IllegalArgumentException("Xen " + choices.release() + " has no CONFIG_FFA_VM_TO_VM");
        }
    }

    public Optional<VmEndpoint> vm(EndpointId id) {
        for (VmEndpoint vm : vms) {
            if (vm.id().equals(id)) {
                return Optional.of(vm);
            }
        }
        return Optional.empty();
    }

    public List<EndpointId> ids() {
        return vms.stream().map(VmEndpoint::id).toList();
    }

    public MediatorSetup withVms(List<VmEndpoint> changed) {
        return new MediatorSetup(choices, changed, vmToVm);
    }

    public MediatorSetup withVmToVm(boolean on) {
        return new MediatorSetup(choices, vms, on);
    }

    public MediatorSetup withChoices(MediatorChoices changed) {
        return new MediatorSetup(changed, vms, vmToVm && changed.vmToVmBuildable());
    }
}
