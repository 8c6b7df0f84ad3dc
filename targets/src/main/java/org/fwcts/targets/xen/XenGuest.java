package org.fwcts.targets.xen;

/**
 * One dom0less guest of a {@code xen} target, from {@code xen.guests}. Guests become domains 1, 2,
 * … in the order the descriptor lists them (Xen creates dom0less domains in device-tree order),
 * and Xen's FF-A mediator gives domain {@code n} the FF-A ID {@code n + 1}
 * ({@code ffa_get_vm_id} in xen/arch/arm/tee/ffa_private.h).
 *
 * @param name the guest's name, as the device tree's node and the reports call it
 * @param domain its domain ID
 * @param vcpus how many vCPUs it has
 * @param memoryMiB its memory
 * @param mediator whether its node asks for the FF-A mediator ({@code tee = "ffa"})
 */
public record XenGuest(String name, int domain, int vcpus, int memoryMiB, boolean mediator) {

    /** The guest's FF-A endpoint ID under Xen's mediator. */
    public int ffaId() {
        return domain + 1;
    }
}
