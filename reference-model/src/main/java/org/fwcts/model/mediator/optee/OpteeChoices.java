package org.fwcts.model.mediator.optee;

import java.util.List;
import java.util.Optional;

/**
 * The choices of one Xen release's OP-TEE mediator a guest can observe, read from
 * xen/arch/arm/tee/optee.c at that release's tag. From RELEASE-4.17.0 to RELEASE-4.22.0 the
 * file changed only in ways no guest sees (the access_guest_memory_by_gpa rename in 4.18,
 * default cases and U suffixes in 4.22), so the releases share these values.
 *
 * @param release the Xen release, e.g. "4.22.0"
 * @param smcCount what OPTEE_SMC_CALLS_COUNT answers (OPTEE_MEDIATOR_SMC_COUNT)
 * @param knownNsecCaps the guest capabilities passed on to OP-TEE (OPTEE_KNOWN_NSEC_CAPS)
 * @param knownSecCaps OP-TEE's capabilities a guest may see (OPTEE_KNOWN_SEC_CAPS less HAVE_RESERVED_SHM)
 */
public record OpteeChoices(String release, int smcCount, long knownNsecCaps, long knownSecCaps) {
    private static final OpteeChoices SINCE_4_17 = new OpteeChoices("4.22.0", 11, OpteeSmc.NSEC_CAP_UNIPROCESSOR,
            OpteeSmc.SEC_CAP_UNREGISTERED_SHM | OpteeSmc.SEC_CAP_DYNAMIC_SHM | OpteeSmc.SEC_CAP_MEMREF_NULL);

    /** The releases modelled, newest first. */
    public static final List<String> RELEASES = List.of("4.22.0", "4.21.0", "4.20.0", "4.19.0", "4.18.0", "4.17.0");

    /** The choices of Xen {@code release} ("4.22.0"), when it is one of {@link #RELEASES}. */
    public static Optional<OpteeChoices> of(String release) {
        return RELEASES.contains(release) ? Optional.of(SINCE_4_17.withRelease(release)) : Optional.empty();
    }

    public static final OpteeChoices XEN_4_22 = of("4.22.0").orElseThrow();

    private OpteeChoices withRelease(String name) {
        return new OpteeChoices(name, smcCount, knownNsecCaps, knownSecCaps);
    }

    /** The source tag the choices were read at. */
    public String sourceTag() {
        return "RELEASE-" + release;
    }
}
