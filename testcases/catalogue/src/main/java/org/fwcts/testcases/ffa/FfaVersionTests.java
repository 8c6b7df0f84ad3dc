package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ConformanceTest
@RequiresFfa
@Tag("ffa")
@DisplayName("FFA_VERSION")
class FfaVersionTests {

    @ParameterizedTest(name = "caller announces v{0}")
    @ValueSource(strings = {"1.0", "1.1", "1.2"})
    @Tag("rule:FFA.VERSION")
    @DisplayName("reports the callee's version to a caller of each FF-A version")
    void reportsCalleeVersion(String callerVersion, Firmware firmware) {
        Registers call = Registers.of(FfaFunction.FFA_VERSION.id().register(), SpecVersion.parse(callerVersion).encode());
        assertThatCall(firmware.smc(call)).matchesModel();
    }
}
