package org.fwcts.testcases.smccc;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.smccc.ArchFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@ConformanceTest
@Tag("smccc")
@DisplayName("SMCCC_VERSION")
class SmcccVersionTests {

    @Test
    @Tag("rule:SMCCC.VERSION")
    @DisplayName("reports the implemented convention, or NOT_SUPPORTED under SMCCC v1.0")
    void reportsImplementedVersion(Firmware firmware) {
        assertThatCall(firmware.smc(Registers.of(ArchFunction.SMCCC_VERSION.id().register()))).matchesModel();
    }

    @Test
    @Tag("rule:SMCCC.PRESERVE_X4_X17")
    @DisplayName("leaves x4–x17 as the convention version requires")
    void preservesOrClobbersX4ToX17AsTheVersionAllows(Firmware firmware) {
        Registers call = Registers.of(ArchFunction.SMCCC_VERSION.id().register());
        for (int i = 4; i < Registers.COUNT; i++) {
            // A distinct, recognisable value per register, so a swapped or cleared register shows.
            call = call.with(i, 0xF0C7_5000_0000_0000L | (long) i << 8 | i);
        }
        assertThatCall(firmware.smc(call)).matchesModel();
    }
}
