package org.fwcts.model.mediator;

import org.fwcts.model.ffa.EndpointId;

/**
 * One guest VM as the mediator sees it.
 *
 * @param id its FF-A endpoint ID: Xen gives domain ID + 1 (ffa_get_vm_id in ffa_private.h)
 * @param vcpus its vCPU count (max_vcpus), which partition information reports as its execution contexts
 * @param mediatorAttached whether the domain has the FF-A mediator (d->arch.tee); without it every
 *     FF-A call gets SMCCC's unknown-function answer
 */
public record VmEndpoint(EndpointId id, int vcpus, boolean mediatorAttached) {
    public VmEndpoint {
        if (id.isSecure() || id.value() == 0) {
            throw new IllegalArgumentException("a VM's endpoint ID is domain ID + 1, below 0x8000: " + id);
        }
        if (vcpus < 1 || vcpus > 0xFFFF) {
            throw new IllegalArgumentException("a VM has 1 to 65535 vCPUs: " + vcpus);
        }
    }

    /** Xen's domain ID of this VM. */
    public int domainId() {
        return id.value() - 1;
    }
}
