package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Version negotiation as a caller's first FF-A calls: each test needs a boot on which the normal
 * world has not begun negotiating: a fresh one, or one on which the model shows nothing agreed and
 * negotiation not closed (as a refused or incompatible request leaves it).
 */
@ConformanceTest
@RequiresFfa
@FreshBoot(value = "version negotiation starts before any other FF-A call",
        unless = FreshBoot.Unless.VERSION_NOT_NEGOTIATED)
@Tag("ffa")
@Tag("area:discovery")
@DisplayName("FF-A version negotiation")
class FfaVersionNegotiationTests {
    private static final long FFA_VERSION = FfaFunction.FFA_VERSION.id().register();
    private static final long FFA_ID_GET = FfaFunction.FFA_ID_GET.id().register();

    @ParameterizedTest(name = "first request 0x{0}, then FFA_ID_GET, then the same request again")
    @ValueSource(longs = {0x1_0000L, 0x1_0001L, 0x1_0002L})
    @Tag("rule:FFA.VERSION")
    @Tag("rule:FFA.VERSION.LOCK")
    @DisplayName("a compatible request is answered, and negotiation closes at the first other call")
    void compatibleRequestThenLock(long requested, FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FFA_VERSION, requested))).matchesModel();
        assertThatCall(ffa.call(Registers.of(FFA_ID_GET))).matchesModel();
        assertThatCall(ffa.call(Registers.of(FFA_VERSION, requested))).matchesModel();
    }

    @ParameterizedTest(name = "request 0x{0}")
    @ValueSource(longs = {0x1_0003L, 0x1_00FFL, 0x2_0000L, 0x0_0001L})
    @Tag("rule:FFA.VERSION.INCOMPATIBLE")
    @DisplayName("an incompatible request is answered as the implementation chooses, and nothing is agreed")
    void incompatibleRequest(long requested, FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FFA_VERSION, requested))).matchesModel();
        assertThatCall(ffa.call(Registers.of(FFA_ID_GET))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.VERSION.MBZ")
    @DisplayName("a request with bit 31 set is refused with NOT_SUPPORTED in w0")
    void bit31Set(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FFA_VERSION, 0x8001_0002L))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.VERSION.REQUIRED")
    @DisplayName("an FF-A call before any FFA_VERSION, and FFA_VERSION after it")
    void callBeforeVersion(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FFA_ID_GET))).matchesModel();
        assertThatCall(ffa.call(Registers.of(FFA_VERSION, 0x1_0002L))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.VERSION.LOCK")
    @DisplayName("a different version requested after negotiation closed")
    void renegotiation(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FFA_VERSION, 0x1_0002L))).matchesModel();
        assertThatCall(ffa.call(Registers.of(FFA_ID_GET))).matchesModel();
        assertThatCall(ffa.call(Registers.of(FFA_VERSION, 0x1_0001L))).matchesModel();
    }
}
