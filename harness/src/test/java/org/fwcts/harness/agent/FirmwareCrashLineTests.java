package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A firmware crash report on a console")
class FirmwareCrashLineTests {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "PANIC at PC : 0x000000000e0976c0",
        "PANIC in EL3.",
        "Unhandled Exception in EL3.",
        "Unhandled Interrupt Exception in EL3.",
        "ASSERT: services/std_svc/spm/el3_spmc/spmc_main.c:1315",
        "Unexpected exception on CPU #0:",
        "Assertion \"g != NULL\" failed runtime/rmi/granule.c:120",
        "Panic: Unexpected FF-A call from VM 0x8001",
        "E/TC:0 0 Panic 'unhandled pageable abort' at core/arch/arm/kernel/abort.c:590 <abort_handler>",
        "E/TC:0   Panic at core/kernel/tee_ta_manager.c:107",
        "E/TC:1 Panic",
    })
    @DisplayName("is recognised in the forms TF-A, TF-RMM, Hafnium and OP-TEE print")
    void recognised(String line) {
        assertThat(FirmwareCrashLine.in(line + "\r")).contains(line);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "NOTICE:  BL31: v2.15.0(release):v2.15.0",
        "ERROR:   Unhandled FF-A call 0x84000099",
        ">2dc1f519 ok 84000061 #c5f17c84",
        "fwcts-sp-agent: panic esr=0x96000045 far=0x0 elr=0x0e100010",
        "(XEN) Panic on CPU 0:",
        "E/TC:0 0 Core data-abort at address 0x0",
        "I/TC: Panicking is not what this line does",
        "The word PANIC at PC : 0x1 mid-line",
        "Booting RMM v.0.9.0(release) tf-rmm-v0.9.0",
        "",
    })
    @DisplayName("is not seen in log lines, protocol frames or other firmware's reports")
    void notRecognised(String line) {
        assertThat(FirmwareCrashLine.in(line)).isEmpty();
    }

    @Test
    @DisplayName("is quoted with the console it was read on, cut to a report's length")
    void reported() {
        assertThat(FirmwareCrashLine.cause("PANIC at PC : 0x1", "firmware"))
                .contains("the firmware crashed, reporting 'PANIC at PC : 0x1' on console 'firmware'");
        assertThat(FirmwareCrashLine.in("ASSERT: " + "x".repeat(500)).orElseThrow()).hasSizeLessThan(200).endsWith("…");
    }
}
