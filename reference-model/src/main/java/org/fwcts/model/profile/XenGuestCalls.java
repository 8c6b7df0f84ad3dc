package org.fwcts.model.profile;

import java.util.Map;
import java.util.Optional;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.psci.PsciFunction;
import org.fwcts.model.smccc.ArchFunction;
import org.fwcts.model.smccc.SmcccRules;

/**
 * What Xen itself answers a guest's SMCCC and PSCI calls with: a guest's SMC traps to Xen, whose
 * virtual SMCCC and PSCI (xen/arch/arm/vsmc.c and vpsci.c, Xen 4.22) answer instead of TF-A. The
 * guests here are dom0less domains, not the hardware domain.
 */
final class XenGuestCalls {
    private XenGuestCalls() {
    }

    /** {@code profile} with Xen's answers to a guest's SMCCC and PSCI discovery calls. */
    static Profile on(Profile profile) {
        // do_psci_1_0_features: these, and SYSTEM_SUSPEND for any domain but the hardware domain.
        Map<Integer, Integer> psci = Profiles.supported(PsciFunction.PSCI_VERSION, PsciFunction.CPU_SUSPEND,
                PsciFunction.CPU_OFF, PsciFunction.CPU_ON, PsciFunction.AFFINITY_INFO, PsciFunction.MIGRATE_INFO_TYPE,
                PsciFunction.SYSTEM_OFF, PsciFunction.SYSTEM_RESET, PsciFunction.PSCI_FEATURES,
                PsciFunction.SYSTEM_SUSPEND);
        psci.put(ArchFunction.SMCCC_VERSION.id().value(), 0);
        // handle_arch's SMCCC_ARCH_FEATURES answers the three workarounds only, each as the CPU and the
        // firmware below Xen allow; on QEMU's cortex-a57 over TF-A: WORKAROUND_1 hardened, WORKAROUND_2
        // mitigated by the firmware (NOT_REQUIRED), no BHB workaround 3. SMCCC_VERSION and
        // SMCCC_ARCH_FEATURES themselves are not listed, so they answer NOT_SUPPORTED.
        Map<Integer, Integer> arch = Map.of(
                ArchFunction.SMCCC_ARCH_WORKAROUND_1.id().value(), 0,
                ArchFunction.SMCCC_ARCH_WORKAROUND_2.id().value(), SmcccRules.NOT_REQUIRED);
        return profile.toBuilder()
                .smcccVersion(Optional.of(SpecVersion.of(1, 2)))
                .archFeatures(arch)
                .psciVersion(SpecVersion.of(1, 1))
                .psciFeatures(psci)
                .build();
    }
}
