package org.fwcts.model.profile;

import java.util.Map;
import java.util.Optional;
import org.fwcts.model.SpecVersion;

/**
 * The implementation-defined choices of one firmware, each a named field.
 *
 * <p>The model reads these fields and nothing else about the implementation: every difference
 * between two firmwares is a difference between two profiles.
 *
 * @param name the name a target descriptor uses
 * @param description what firmware this profile describes, and how far it is verified
 * @param smcccVersion the version SMCCC_VERSION reports; empty for an SMCCC v1.0
 *     implementation, which does not implement SMCCC_VERSION (DEN0028, "SMCCC_VERSION")
 * @param archFeatures SMCCC_ARCH_FEATURES answers by queried function ID; a missing ID
 *     answers NOT_SUPPORTED (DEN0028, "SMCCC_ARCH_FEATURES")
 * @param psciVersion the version PSCI_VERSION reports (DEN0022, "PSCI_VERSION")
 * @param psciFeatures PSCI_FEATURES answers by queried function ID (0 or feature flags); a
 *     missing ID answers NOT_SUPPORTED (DEN0022, "PSCI_FEATURES")
 * @param ffaVersion the FF-A version reachable at this conduit; empty when FF-A is absent
 */
public record Profile(
        String name,
        String description,
        Optional<SpecVersion> smcccVersion,
        Map<Integer, Integer> archFeatures,
        SpecVersion psciVersion,
        Map<Integer, Integer> psciFeatures,
        Optional<SpecVersion> ffaVersion) {

    public Profile {
        archFeatures = Map.copyOf(archFeatures);
        psciFeatures = Map.copyOf(psciFeatures);
    }

    /** SMCCC v1.0 when SMCCC_VERSION is not implemented. */
    public SpecVersion effectiveSmcccVersion() {
        return smcccVersion.orElse(SpecVersion.of(1, 0));
    }

    public Profile withName(String newName) {
        return new Profile(newName, description, smcccVersion, archFeatures, psciVersion, psciFeatures, ffaVersion);
    }

    public Profile withSmcccVersion(Optional<SpecVersion> version) {
        return new Profile(name, description, version, archFeatures, psciVersion, psciFeatures, ffaVersion);
    }

    public Profile withPsciVersion(SpecVersion version) {
        return new Profile(name, description, smcccVersion, archFeatures, version, psciFeatures, ffaVersion);
    }

    public Profile withFfaVersion(Optional<SpecVersion> version) {
        return new Profile(name, description, smcccVersion, archFeatures, psciVersion, psciFeatures, version);
    }
}
