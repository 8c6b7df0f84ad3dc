package org.fwcts.testcases.selftest;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.List;
import org.fwcts.model.Registers;
import org.fwcts.model.psci.PsciFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Breaks the target on purpose with the agent's test-only {@code hang} and {@code crash}
 * commands, between ordinary calls, so a self-test can check that each failure is recorded as a
 * broken test and that the run relaunches the target and carries on.
 *
 * <p>Never part of a conformance run: {@code fwcts run} leaves the {@code selftest-faults} tag out
 * unless a tag expression names it.
 */
@ConformanceTest
@Tag("selftest-faults")
@DisplayName("Target fault self-test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetFaultFixture {

    @Test
    @Order(1)
    @DisplayName("answers before any fault")
    void answersBeforeAnyFault(Firmware firmware) {
        assertThatCall(firmware.smc(psciVersion())).matchesModel();
    }

    @Test
    @Order(2)
    @DisplayName("hangs: the agent stops answering")
    void hangs(Firmware firmware) {
        firmware.agent().request("hang", List.of());
    }

    @Test
    @Order(3)
    @DisplayName("answers after the hang, on a relaunched target")
    void answersAfterHang(Firmware firmware) {
        assertThatCall(firmware.smc(psciVersion())).matchesModel();
    }

    @Test
    @Order(4)
    @DisplayName("crashes: the agent panics")
    void crashes(Firmware firmware) {
        firmware.agent().request("crash", List.of());
    }

    @Test
    @Order(5)
    @DisplayName("answers after the crash, on a relaunched target")
    void answersAfterCrash(Firmware firmware) {
        assertThatCall(firmware.smc(psciVersion())).matchesModel();
    }

    private static Registers psciVersion() {
        return Registers.of(PsciFunction.PSCI_VERSION.smc32().register());
    }
}
