package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaPresence;
import org.fwcts.testcases.support.Firmware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@ConformanceTest
@Tag("ffa")
@DisplayName("FF-A presence")
class FfaPresenceTests {

    @Test
    @Tag("rule:FFA.ABSENT")
    @Tag("rule:FFA.VERSION")
    @DisplayName("FFA_VERSION answers as the profile says: a version where FF-A is present, NOT_SUPPORTED where absent")
    void ffaVersionMatchesTheProfile(Firmware firmware) {
        Registers call = Registers.of(FfaFunction.FFA_VERSION.id().register(), FfaPresence.PROBE_VERSION.encode());
        assertThatCall(firmware.smc(call)).matchesModel();
    }
}
