package org.fwcts.targets.xen;

import java.util.Locale;
import java.util.Optional;

/**
 * One dom0less guest of a {@code xen} target, from {@code xen.guests}. Guests become domains 1, 2,
 * … in the order the descriptor lists them (Xen creates dom0less domains in device-tree order),
 * and Xen's FF-A mediator gives domain {@code n} the FF-A ID {@code n + 1}
 * ({@code ffa_get_vm_id} in xen/arch/arm/tee/ffa_private.h); its OP-TEE mediator gives OP-TEE the
 * same number as the guest's client ID ({@code optee_domain_init} in xen/arch/arm/tee/optee.c).
 *
 * @param name the guest's name, as the device tree's node and the reports call it
 * @param domain its domain ID
 * @param vcpus how many vCPUs it has
 * @param memoryMiB its memory
 * @param tee the TEE mediator its node asks for ({@code tee = "ffa"} or {@code "optee"}), or none
 */
public record XenGuest(String name, int domain, int vcpus, int memoryMiB, Tee tee) {

    /** Which of Xen's TEE mediators a guest is attached to. */
    public enum Tee {
        /** No mediator: the guest's TEE calls reach no handler. */
        NONE,
        /** The FF-A mediator (xen/arch/arm/tee/ffa.c). */
        FFA,
        /** The OP-TEE mediator (xen/arch/arm/tee/optee.c). */
        OPTEE;

        /** The value of the device tree's {@code tee} property, as the descriptor spells it. */
        public String property() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Tee> fromProperty(String text) {
            for (Tee tee : values()) {
                if (tee.property().equals(text)) {
                    return Optional.of(tee);
                }
            }
            return Optional.empty();
        }
    }

    /** A guest with the FF-A mediator or none, as descriptors said before a guest could choose its TEE. */
    public XenGuest(String name, int domain, int vcpus, int memoryMiB, boolean mediator) {
        this(name, domain, vcpus, memoryMiB, mediator ? Tee.FFA : Tee.NONE);
    }

    /** Whether its node asks for a TEE mediator, either one. */
    public boolean mediator() {
        return tee != Tee.NONE;
    }

    /** The guest's FF-A endpoint ID under Xen's mediator. */
    public int ffaId() {
        return domain + 1;
    }
}
