package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.RequiresFfa;
import org.fwcts.testcases.support.TestRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FFA_PARTITION_INFO_GET from a normal world that agreed FF-A v1.0, whose descriptors have no UUID
 * and only v1.0's property bits. The version must be chosen before any other FF-A call, and the
 * tests after this one expect the usual v1.2, so it has a boot of its own.
 */
@ConformanceTest
@RequiresFfa
@FreshBoot(value = "the normal world's version must still be open to agree v1.0",
        unless = FreshBoot.Unless.VERSION_NOT_NEGOTIATED)
@Tag("ffa")
@Tag("area:discovery")
@DisplayName("FFA_PARTITION_INFO_GET at FF-A v1.0")
class FfaPartitionInfoV10Tests {
    private static final long INFO_GET = FfaFunction.FFA_PARTITION_INFO_GET.id().register();
    private static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.id().register();

    @Test
    @Tag("rule:FFA.PARTITION_INFO.V1_0")
    @Tag("rule:FFA.RX_RELEASE")
    @DisplayName("a v1.0 caller gets every partition in v1.0's form: 8-byte descriptors, v1.0's property bits only")
    void v10Descriptors(FfaFirmware ffa, TestRun run) {
        run.rebootBeforeNextTest("FF-A v1.0 agreed for a partition-information test");
        assertThatCall(ffa.call(Registers.of(FfaFunction.FFA_VERSION.id().register(),
                SpecVersion.parse("1.0").encode()))).matchesModel();
        ffa.ready();
        assertThatCall(ffa.call(Registers.of(INFO_GET))).matchesModel();
        assertThatCall(ffa.call(Registers.of(RX_RELEASE))).matchesModel();
    }
}
