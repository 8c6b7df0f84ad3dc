package org.fwcts.testcases.smccc;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.smccc.ArchFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ConformanceTest
@Tag("smccc")
@DisplayName("SMCCC_ARCH_FEATURES")
class ArchFeaturesTests {

    @ParameterizedTest(name = "SMCCC_ARCH_FEATURES({0})")
    @EnumSource(ArchFunction.class)
    @Tag("rule:SMCCC.ARCH_FEATURES")
    @DisplayName("answers for each Arm Architecture Call as the profile implements it")
    void reportsEachArchitectureCall(ArchFunction queried, Firmware firmware) {
        Registers call = Registers.of(ArchFunction.SMCCC_ARCH_FEATURES.id().register(), queried.id().register());
        assertThatCall(firmware.smc(call)).matchesModel();
    }
}
