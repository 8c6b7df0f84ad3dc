package org.fwcts.testcases.psci;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.psci.PsciFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@ConformanceTest
@Tag("psci")
@DisplayName("PSCI_VERSION")
class PsciVersionTests {

    @Test
    @Tag("rule:PSCI.VERSION")
    @DisplayName("reports the implemented PSCI version")
    void reportsImplementedVersion(Firmware firmware) {
        assertThatCall(firmware.smc(Registers.of(PsciFunction.PSCI_VERSION.smc32().register()))).matchesModel();
    }
}
