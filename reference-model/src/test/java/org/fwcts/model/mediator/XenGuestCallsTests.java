package org.fwcts.model.mediator;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.Registers;
import org.fwcts.model.psci.PsciFunction;
import org.fwcts.model.smccc.ArchFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

/**
 * A guest's SMCCC and PSCI discovery calls are answered by Xen's virtual SMCCC and PSCI, not by
 * the TF-A below it (vsmc.c, vpsci.c of Xen 4.22; checked on Xen 4.22 over TF-A v2.15 on QEMU).
 */
@DisplayName("Xen's answers to a guest's SMCCC and PSCI calls")
class XenGuestCallsTests {
    private static final long NOT_SUPPORTED = 0xFFFF_FFFFL;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xen-4.22-ffa", "xen-4.22-optee"})
    @DisplayName("SMCCC 1.2, PSCI 1.1, SYSTEM_SUSPEND and MIGRATE_INFO_TYPE offered, ARCH_FEATURES only for workarounds")
    void xenAnswers(String profile) {
        MediatorWalk walk = new MediatorWalk(profile);
        assertThat(low(walk.call(MediatorWalk.VM2, ArchFunction.SMCCC_VERSION.id().value()))).isEqualTo(0x1_0002L);
        assertThat(low(walk.call(MediatorWalk.VM2, PsciFunction.PSCI_VERSION.smc32().value()))).isEqualTo(0x1_0001L);
        long features = PsciFunction.PSCI_FEATURES.smc32().value();
        assertThat(low(walk.call(MediatorWalk.VM2, features, PsciFunction.SYSTEM_SUSPEND.smc64().orElseThrow().value())))
                .isZero();
        assertThat(low(walk.call(MediatorWalk.VM2, features, PsciFunction.MIGRATE_INFO_TYPE.smc32().value()))).isZero();
        long archFeatures = ArchFunction.SMCCC_ARCH_FEATURES.id().value();
        assertThat(low(walk.call(MediatorWalk.VM2, archFeatures, ArchFunction.SMCCC_VERSION.id().value())))
                .isEqualTo(NOT_SUPPORTED);
        assertThat(low(walk.call(MediatorWalk.VM2, archFeatures, ArchFunction.SMCCC_ARCH_WORKAROUND_1.id().value())))
                .isZero();
        // SMCCC 1.2 has no SVE hint: bit 16 makes PSCI_VERSION an unknown function.
        assertThat(low(walk.call(MediatorWalk.VM2, PsciFunction.PSCI_VERSION.smc32().value() | 1 << 16)))
                .isEqualTo(NOT_SUPPORTED);
    }

    private static long low(Registers answer) {
        return answer.x(0) & 0xFFFF_FFFFL;
    }
}
