package org.fwcts.harness.session;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.spmc.FfaSystem;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.OwnedRange;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.profile.ProfileOverrides;
import org.fwcts.model.profile.Profiles;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.FfaSettings;
import org.fwcts.targets.descriptor.TargetDescriptor;

/** The reference-model profile a target descriptor names, with its overrides applied. */
public final class TargetProfiles {

    private TargetProfiles() {
    }

    /** Access the normal world has to its scratch pages: data, not code. */
    private static final PageAccess SCRATCH_ACCESS = PageAccess.RW;

    /**
     * The descriptor's profile with its overrides applied, and the normal world owning the
     * descriptor's FF-A scratch pages.
     *
     * @throws TargetException naming the descriptor field when the profile or an override is not valid
     */
    public static Profile of(TargetDescriptor descriptor) {
        return of(descriptor, descriptor.kind().profile(descriptor), descriptor.profileOverrides());
    }

    /**
     * As {@link #of(TargetDescriptor)}, with profile {@code name} and {@code overrides} in place of the
     * descriptor's (a run judged again with a corrected profile).
     */
    public static Profile of(TargetDescriptor descriptor, String name, java.util.Map<String, String> overrides) {
        return of(descriptor.file().toString(), name, overrides, descriptor.ffa());
    }

    /**
     * Profile {@code name} with {@code overrides} applied and the normal world owning {@code scratch};
     * errors name {@code source} (the descriptor, or the run folder's record of it).
     */
    public static Profile of(String source, String name, java.util.Map<String, String> overrides,
            Optional<FfaSettings> ffaScratch) {
        Profile base = Profiles.named(name).orElseThrow(() -> new TargetException(source
                + ": profile: unknown profile '" + name + "' (known: " + Profiles.names() + ")"));
        Profile profile;
        try {
            profile = ProfileOverrides.apply(base, overrides);
        } catch (IllegalArgumentException e) {
            throw new TargetException(source + ": profileOverrides." + e.getMessage(), e);
        }
        if (ffaScratch.isEmpty() || profile.ffa().isEmpty()) {
            return profile;
        }
        FfaSettings scratch = ffaScratch.get();
        FfaSystem system = profile.ffa().get();
        Topology topology = system.topology();
        OwnedRange pages = new OwnedRange(topology.primaryNormalWorld(), scratch.scratchBase(), scratch.scratchPages(),
                SCRATCH_ACCESS);
        return profile.withFfa(Optional.of(new FfaSystem(system.spmc(), topology.withOwnedMemory(List.of(pages)))));
    }
}
