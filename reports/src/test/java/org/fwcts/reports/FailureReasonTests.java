package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A failure's reason on the console")
class FailureReasonTests {
    @Test
    @DisplayName("is the line above the deciding rule of a check failure, with that rule")
    void checkFailure() {
        String message = """
                the target contradicts the model
                SMC 0xffffffff84000000: w0 alone selects the function: PSCI_VERSION returns 1.1
                deciding rule SMCCC.FID_W0 — DEN0028 v1.6 (SMCCC), 2.5 Function Identifiers
                  "The function identifier is the 32-bit value in w0."
                reg  predicted  observed
                x0   0x00010001 0xffffffffffffffff   <-- MISMATCH
                """;
        FailureReason reason = FailureReason.of(message, List.of("SMCCC.FID_W0", "PSCI.VERSION"));
        assertThat(reason.line()).isEqualTo("SMC 0xffffffff84000000: w0 alone selects the function: PSCI_VERSION returns 1.1"
                + " [SMCCC.FID_W0]");
    }

    @Test
    @DisplayName("is the error's first line, with the test's rules, when no rule decided it")
    void error() {
        assertThat(FailureReason.of("TargetUnresponsiveException: no reply to smc within 5 s\nconsole tail: ...",
                List.of("FFA.VERSION")).line()).isEqualTo("TargetUnresponsiveException: no reply to smc within 5 s [FFA.VERSION]");
        assertThat(FailureReason.of(null, List.of()).line()).isEqualTo("(no message)");
    }
}
