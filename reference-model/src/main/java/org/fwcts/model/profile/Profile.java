package org.fwcts.model.profile;

import java.util.Map;
import java.util.Optional;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.spmc.FfaSystem;
import org.fwcts.model.mediator.MediatorSetup;
import org.fwcts.model.mediator.optee.OpteeSetup;
import org.fwcts.model.rmm.RmmProfile;

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
 *     answers NOT_SUPPORTED (DEN0028, "SMCCC_ARCH_FEATURES"). The workaround answers depend on
 *     the CPU and the firmware's build options as much as on the firmware
 * @param psciVersion the version PSCI_VERSION reports (DEN0022, "PSCI_VERSION")
 * @param psciFeatures PSCI_FEATURES answers by queried function ID (0 or feature flags); a
 *     missing ID answers NOT_SUPPORTED (DEN0022, "PSCI_FEATURES")
 * @param ffa the FF-A system reachable at this conduit; empty when FF-A is absent
 * @param mediator the hypervisor's FF-A mediator in front of the SPMC, with its guest VMs; empty
 *     when the normal world calls the SPMC directly
 * @param rmm the Realm Management Monitor behind the RMI function IDs; empty when there is none
 * @param optee the hypervisor's OP-TEE mediator with OP-TEE behind it and its guest VMs; empty when
 *     there is none
 */
public record Profile(
        String name,
        String description,
        Optional<SpecVersion> smcccVersion,
        Map<Integer, Integer> archFeatures,
        SpecVersion psciVersion,
        Map<Integer, Integer> psciFeatures,
        Optional<FfaSystem> ffa,
        Optional<MediatorSetup> mediator,
        Optional<RmmProfile> rmm,
        Optional<OpteeSetup> optee) {

    public Profile {
        archFeatures = Map.copyOf(archFeatures);
        psciFeatures = Map.copyOf(psciFeatures);
    }

    /** A profile without a mediator or an RMM. */
    public Profile(String name, String description, Optional<SpecVersion> smcccVersion, Map<Integer, Integer> archFeatures,
            SpecVersion psciVersion, Map<Integer, Integer> psciFeatures, Optional<FfaSystem> ffa) {
        this(name, description, smcccVersion, archFeatures, psciVersion, psciFeatures, ffa, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public Profile withMediator(Optional<MediatorSetup> setup) {
        return toBuilder().mediator(setup).build();
    }

    /** SMCCC v1.0 when SMCCC_VERSION is not implemented. */
    public SpecVersion effectiveSmcccVersion() {
        return smcccVersion.orElse(SpecVersion.of(1, 0));
    }

    public Profile withName(String newName) {
        return toBuilder().name(newName).build();
    }

    public Profile withSmcccVersion(Optional<SpecVersion> version) {
        return toBuilder().smcccVersion(version).build();
    }

    /**
     * This profile with SMCCC_ARCH_FEATURES({@code function}) answering {@code answer}, or
     * NOT_SUPPORTED when it is empty.
     */
    public Profile withArchFeature(int function, Optional<Integer> answer) {
        Map<Integer, Integer> changed = new java.util.HashMap<>(archFeatures);
        answer.ifPresentOrElse(value -> changed.put(function, value), () -> changed.remove(function));
        return toBuilder().archFeatures(changed).build();
    }

    public Profile withPsciVersion(SpecVersion version) {
        return toBuilder().psciVersion(version).build();
    }

    public Profile withFfa(Optional<FfaSystem> system) {
        return toBuilder().ffa(system).build();
    }

    /** The FF-A version FFA_VERSION reports, if FF-A is present. */
    public Optional<SpecVersion> ffaVersion() {
        return ffa.map(system -> system.spmc().version());
    }

    /**
     * This profile with FF-A absent (empty), or with its SPMC reporting {@code version}.
     *
     * @throws IllegalArgumentException when a version is given but the profile has no FF-A system
     */
    public Profile withFfaVersion(Optional<SpecVersion> version) {
        if (version.isPresent() && ffa.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + " has no FF-A system to set a version on");
        }
        Optional<FfaSystem> changed = version.flatMap(v -> ffa.map(system -> system.withSpmc(system.spmc().withVersion(v))));
        return toBuilder().ffa(changed).build();
    }

    /** A builder holding this profile, to change some of its choices by name. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder with every choice unset; {@link Builder#build()} names any left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the choices by name; each setter is the component of the same name. */
    public static final class Builder {
        private String name;
        private String description;
        private Optional<SpecVersion> smcccVersion;
        private Map<Integer, Integer> archFeatures;
        private SpecVersion psciVersion;
        private Map<Integer, Integer> psciFeatures;
        private Optional<FfaSystem> ffa;
        private Optional<MediatorSetup> mediator = Optional.empty();
        private Optional<RmmProfile> rmm = Optional.empty();
        private Optional<OpteeSetup> optee = Optional.empty();

        private Builder() {
        }

        private Builder(Profile from) {
            name = from.name;
            description = from.description;
            smcccVersion = from.smcccVersion;
            archFeatures = from.archFeatures;
            psciVersion = from.psciVersion;
            psciFeatures = from.psciFeatures;
            ffa = from.ffa;
            mediator = from.mediator;
            rmm = from.rmm;
            optee = from.optee;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder smcccVersion(Optional<SpecVersion> value) {
            smcccVersion = value;
            return this;
        }

        public Builder archFeatures(Map<Integer, Integer> value) {
            archFeatures = value;
            return this;
        }

        public Builder psciVersion(SpecVersion value) {
            psciVersion = value;
            return this;
        }

        public Builder psciFeatures(Map<Integer, Integer> value) {
            psciFeatures = value;
            return this;
        }

        public Builder ffa(Optional<FfaSystem> value) {
            ffa = value;
            return this;
        }

        public Builder mediator(Optional<MediatorSetup> value) {
            mediator = value;
            return this;
        }

        public Builder rmm(Optional<RmmProfile> value) {
            rmm = value;
            return this;
        }

        public Builder optee(Optional<OpteeSetup> value) {
            optee = value;
            return this;
        }

        /** The choices; fails naming the first one not set. */
        public Profile build() {
            return new Profile(set(name, "name"),
                    set(description, "description"),
                    set(smcccVersion, "smcccVersion"),
                    set(archFeatures, "archFeatures"),
                    set(psciVersion, "psciVersion"),
                    set(psciFeatures, "psciFeatures"),
                    set(ffa, "ffa"),
                    set(mediator, "mediator"),
                    set(rmm, "rmm"),
                    set(optee, "optee"));
        }

        private static <T> T set(T value, String component) {
            if (value == null) {
                throw new IllegalStateException("Profile." + component + " is not set");
            }
            return value;
        }
    }
}
