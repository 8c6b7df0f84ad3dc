package org.fwcts.model.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.fwcts.model.rmm.RmmProfile;
import java.util.TreeMap;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.spmc.FfaSystem;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.mediator.MediatorChoices;
import org.fwcts.model.psci.PsciFunction;
import org.fwcts.model.smccc.ArchFunction;
import org.fwcts.model.smccc.SmcccRules;

/**
 * The named profiles a target descriptor can choose from, each built when first asked for: a run
 * wants one, and building all of them cost a tenth of the CLI's start-up.
 */
public final class Profiles {
    private static final Map<String, Supplier<Profile>> BUILDERS = new TreeMap<>();
    private static final Map<String, Profile> BUILT = new HashMap<>();

    static {
        register("qemu-builtin-psci", Profiles::qemuBuiltinPsci);
        register("tfa-bl31", Profiles::tfaBl31);
        register("tfa-el3-spmc", () -> withSpmc(tfaBl31(), SpmcProfiles.tfaEl3Spmc(), 32));
        register("hafnium", () -> withSpmc(tfaBl31(), SpmcProfiles.hafnium(), 8));
        register("optee", () -> withSpmc(tfaBl31(), SpmcProfiles.optee(), 8));
        register("xen-4.20-ffa", () -> xenFfa(MediatorChoices.XEN_4_20));
        register("xen-4.21-ffa", () -> xenFfa(MediatorChoices.XEN_4_21));
        register("xen-4.22-ffa", () -> xenFfa(MediatorChoices.XEN_4_22));
        register("xen-4.22-optee", () -> xenOptee("4.22.0"));
        register("xen-4.21-optee", () -> xenOptee("4.21.0"));
        register("xen-4.20-optee", () -> xenOptee("4.20.0"));
        register("tfa-rmm-v0.8", () -> withRmm(tfaBl31(), "tfa-rmm-v0.8", RmmProfile.TF_RMM_0_8,
                "TF-A BL31 with TF-RMM v0.8.0 (RMI 1.0, RSI 1.0); the RMI/RSI model follows TF-RMM v0.8.0's source"));
        register("tfa-rmm-v0.9", () -> withRmm(tfaBl31(), "tfa-rmm-v0.9", RmmProfile.TF_RMM_0_9,
                "TF-A BL31 with TF-RMM v0.9.0 (RMI 2.0, RSI 1.1: RMM_ACTIVATE gate, range delegation, RTT_DATA_MAP(_INIT)"
                        + " and RTT_DATA_UNMAP, REC_CREATE/DESTROY as stateful operations with memory donation); the"
                        + " RMI/RSI model follows TF-RMM v0.9.0's source"));
    }

    private static Profile xenFfa(MediatorChoices release) {
        return XenProfiles.xen(withSpmc(tfaBl31(), SpmcProfiles.tfaEl3Spmc(), 32), release);
    }

    private static Profile xenOptee(String release) {
        return XenOpteeProfiles.xen(tfaBl31(), org.fwcts.model.mediator.optee.OpteeChoices.of(release).orElseThrow());
    }

    /** TF-A BL31 with an RMM at R-EL2 behind the RMMD. */
    static Profile withRmm(Profile bl31, String name, RmmProfile rmm, String description) {
        return bl31.toBuilder().name(name).description(description).rmm(Optional.of(rmm)).build();
    }

    private Profiles() {
    }

    private static void register(String name, Supplier<Profile> builder) {
        BUILDERS.put(name, builder);
    }

    public static synchronized Optional<Profile> named(String name) {
        Supplier<Profile> builder = BUILDERS.get(name);
        if (builder == null) {
            return Optional.empty();
        }
        Profile profile = BUILT.get(name);
        if (profile == null) {
            profile = builder.get();
            if (!profile.name().equals(name)) {
                throw new IllegalStateException("profile registered as " + name + " is named " + profile.name());
            }
            BUILT.put(name, profile);
        }
        return Optional.of(profile);
    }

    public static List<String> names() {
        return List.copyOf(BUILDERS.keySet());
    }

    /**
     * QEMU's built-in PSCI emulation (target/arm/psci.c, QEMU 7.2), reached by SMC when the
     * {@code virt} machine runs with {@code virtualization=on} and no firmware. It implements
     * PSCI 1.1 discovery but no SMCCC_VERSION, so callers see SMCCC v1.0.
     */
    public static Profile qemuBuiltinPsci() {
        Map<Integer, Integer> features = supported(
                PsciFunction.PSCI_VERSION, PsciFunction.CPU_SUSPEND, PsciFunction.CPU_OFF, PsciFunction.CPU_ON,
                PsciFunction.AFFINITY_INFO, PsciFunction.MIGRATE_INFO_TYPE, PsciFunction.SYSTEM_OFF,
                PsciFunction.SYSTEM_RESET, PsciFunction.PSCI_FEATURES);
        return Profile.builder()
                .name("qemu-builtin-psci")
                .description("QEMU 7.2 built-in PSCI (SMC conduit, no EL3 firmware); checked against Debian's"
                        + " qemu-system-arm")
                .smcccVersion(Optional.empty())
                .archFeatures(Map.of())
                .psciVersion(SpecVersion.of(1, 1))
                .psciFeatures(features)
                .ffa(Optional.empty())
                .build();
    }

    /**
     * TF-A BL31 without an SPM dispatcher: SMCCC v1.5 and PSCI 1.1 with the power functions a
     * typical platform port registers. Checked against TF-A v2.15.0-619-g6a164dda7 (PLAT=qemu,
     * built with SPD=spmd SPMC_AT_EL3=1) on QEMU 7.2 with cortex-a57 cores. Platform ports, CPUs
     * and build options differ: a descriptor overrides what its build does differently.
     */
    public static Profile tfaBl31() {
        // No MIGRATE_INFO_TYPE: TF-A adds it to psci_caps only in psci_register_spd_pm_hook() when the
        // SPD provides svc_migrate_info (lib/psci/psci_common.c). The SPMD's hooks have none, and without
        // an SPD the hook is never registered, so PSCI_FEATURES and the call itself answer NOT_SUPPORTED.
        Map<Integer, Integer> features = supported(
                PsciFunction.PSCI_VERSION, PsciFunction.CPU_SUSPEND, PsciFunction.CPU_OFF, PsciFunction.CPU_ON,
                PsciFunction.AFFINITY_INFO, PsciFunction.SYSTEM_OFF, PsciFunction.SYSTEM_RESET,
                PsciFunction.PSCI_FEATURES);
        features.put(ArchFunction.SMCCC_VERSION.id().value(), 0);
        // smccc_arch_features() in services/arm_arch_svc/arm_arch_svc_setup.c. The workaround answers
        // depend on the CPU and the build; these hold for cortex-a57 with TF-A's defaults
        // WORKAROUND_CVE_2017_5715=1, WORKAROUND_CVE_2018_3639=1, DYNAMIC_WORKAROUND_CVE_2018_3639=0 and
        // WORKAROUND_CVE_2022_23960=1 (measured on v2.15.0-619-g6a164dda7, QEMU 7.2). SMCCC_ARCH_SOC_ID is
        // not listed: plat/qemu does not offer it, so it answers NOT_SUPPORTED.
        Map<Integer, Integer> arch = Map.of(
                ArchFunction.SMCCC_VERSION.id().value(), 0,
                ArchFunction.SMCCC_ARCH_FEATURES.id().value(), 0,
                // The CVE-2017-5715 workaround applies to cortex-a57 and is implemented.
                ArchFunction.SMCCC_ARCH_WORKAROUND_1.id().value(), 0,
                // Statically mitigated at reset (no dynamic workaround): NOT_REQUIRED.
                ArchFunction.SMCCC_ARCH_WORKAROUND_2.id().value(), SmcccRules.NOT_REQUIRED,
                // The CVE-2022-23960 workaround applies to cortex-a57 and is implemented.
                ArchFunction.SMCCC_ARCH_WORKAROUND_3.id().value(), 0);
        return Profile.builder()
                .name("tfa-bl31")
                .description("TF-A BL31 (SMCCC 1.5, PSCI 1.1) without SPMD; checked against TF-A"
                        + " v2.15.0-619-g6a164dda7 on QEMU 7.2 (plat/qemu, cortex-a57)")
                .smcccVersion(Optional.of(SpecVersion.of(1, 5)))
                .archFeatures(arch)
                .psciVersion(SpecVersion.of(1, 1))
                .psciFeatures(features)
                .ffa(Optional.empty())
                .build();
    }

    /**
     * TF-A BL31 with an SPMC behind the SPMD: the SPMC profile's name and FF-A, with one FWCTS
     * secure-partition agent of {@code executionContexts} contexts (TF-A's EL3 SPMC requires one
     * per core: 32 on plat/qemu).
     */
    static Profile withSpmc(Profile bl31, SpmcProfile spmc, int executionContexts) {
        FfaSystem system = new FfaSystem(spmc, AgentTopologies.normalWorldAndOnePartition(executionContexts));
        return bl31.toBuilder()
                .name(spmc.name())
                .description("TF-A BL31 with " + spmc.description())
                .ffa(Optional.of(system))
                .build();
    }

    /** PSCI_FEATURES answers 0 for each function's SMC32 and SMC64 identifiers. */
    static Map<Integer, Integer> supported(PsciFunction... functions) {
        Map<Integer, Integer> features = new HashMap<>();
        for (PsciFunction function : functions) {
            features.put(function.smc32().value(), 0);
            function.smc64().ifPresent(id -> features.put(id.value(), 0));
        }
        return features;
    }
}
