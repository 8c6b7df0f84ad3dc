package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** FFA_ID_GET and FFA_SPM_ID_GET from the normal world. */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:discovery")
@DisplayName("FF-A IDs")
class FfaIdTests {

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
    }

    @Test
    @Tag("rule:FFA.ID_GET")
    @DisplayName("FFA_ID_GET returns the caller's own endpoint ID")
    void idGet(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FfaFunction.FFA_ID_GET.id().register()))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.SPM_ID_GET")
    @DisplayName("FFA_SPM_ID_GET returns the SPMC's endpoint ID")
    void spmIdGet(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FfaFunction.FFA_SPM_ID_GET.id().register()))).matchesModel();
    }
}
