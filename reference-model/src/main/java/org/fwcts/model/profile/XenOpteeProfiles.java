package org.fwcts.model.profile;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.VmEndpoint;
import org.fwcts.model.mediator.optee.OpteeBuild;
import org.fwcts.model.mediator.optee.OpteeChoices;
import org.fwcts.model.mediator.optee.OpteeSetup;

/**
 * Xen with its OP-TEE mediator, booted as BL33 of TF-A with the OP-TEE dispatcher (SPD=opteed) and
 * OP-TEE built with CFG_NS_VIRTUALIZATION: the guests are the normal-world callers, each reaching
 * OP-TEE through the mediator. No FF-A.
 */
public final class XenOpteeProfiles {
    /** Two dom0less guests (domains 1 and 2, client IDs 2 and 3) of two vCPUs each, both with the mediator. */
    public static final List<VmEndpoint> DEFAULT_VMS = List.of(new VmEndpoint(EndpointId.of(2), 2, true),
            new VmEndpoint(EndpointId.of(3), 2, true));

    private XenOpteeProfiles() {
    }

    /** Xen {@code choices}' release with OP-TEE for QEMU's virt machine behind it, on TF-A {@code bl31}. */
    static Profile xen(Profile bl31, OpteeChoices choices) {
        String release = choices.release().substring(0, choices.release().lastIndexOf('.'));
        return XenGuestCalls.on(bl31).toBuilder()
                .name("xen-" + release + "-optee")
                .description("Xen " + choices.release() + " OP-TEE mediator (source tag " + choices.sourceTag()
                        + ") in front of OP-TEE built with CFG_NS_VIRTUALIZATION=y, on TF-A BL31 with SPD=opteed")
                .ffa(Optional.empty())
                .optee(Optional.of(new OpteeSetup(choices, OpteeBuild.QEMU_V8_VIRT, DEFAULT_VMS)))
                .build();
    }

    /** {@code profile}'s OP-TEE mediator with {@code vms} as its guests. */
    static Profile withVms(Profile profile, List<VmEndpoint> vms) {
        return profile.toBuilder().optee(Optional.of(setupOf(profile).withVms(vms))).build();
    }

    /** {@code profile} with OP-TEE built with {@code threads} threads (CFG_NUM_THREADS). */
    static Profile withThreads(Profile profile, String threads) {
        try {
            OpteeSetup setup = setupOf(profile);
            return profile.toBuilder().optee(Optional.of(setup.withBuild(setup.optee().withThreads(
                    Integer.decode(threads.trim()))))).build();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + threads + "' is not a thread count", e);
        }
    }

    /** {@code profile} with OP-TEE's revision {@code MAJOR.MINOR} fixed rather than bound from its first answer. */
    static Profile withOsRevision(Profile profile, String revision) {
        String[] parts = revision.trim().split("\\.");
        try {
            OpteeSetup setup = setupOf(profile);
            return profile.toBuilder().optee(Optional.of(setup.withBuild(setup.optee().withOsRevision(
                    Long.parseLong(parts[0]), Long.parseLong(parts[1]))))).build();
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + revision + "' is not MAJOR.MINOR", e);
        }
    }

    /** {@code profile} with OP-TEE answering EXCHANGE_CAPABILITIES with {@code caps} (before Xen filters them). */
    static Profile withCapabilities(Profile profile, String caps) {
        try {
            OpteeSetup setup = setupOf(profile);
            return profile.toBuilder().optee(Optional.of(setup.withBuild(setup.optee().withSecCaps(
                    Long.decode(caps.trim()))))).build();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + caps + "' is not a number", e);
        }
    }

    private static OpteeSetup setupOf(Profile profile) {
        return profile.optee().orElseThrow(() ->
                new IllegalArgumentException("profile " + profile.name() + " has no OP-TEE mediator"));
    }
}
