package org.fwcts.testcases.rmm;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.RequiresRmm;
import org.fwcts.testcases.support.RmmHost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ConformanceTest
@RequiresRmm
@Tag("rmm")
@Tag("area:rmm")
@DisplayName("RMI discovery")
class RmiVersionTests {

    @ParameterizedTest(name = "requested {0}")
    @ValueSource(longs = {0x10000, 0x20000, 0x10001, 0})
    @Tag("rule:RMM.VERSION")
    @DisplayName("RMI_VERSION answers SUCCESS for the implemented revision and ERROR_INPUT otherwise, with the range")
    void version(long requested, RmmHost rmm) {
        assertThatCall(rmm.call(RmiFunction.RMI_VERSION, requested)).matchesModel();
    }

    @ParameterizedTest(name = "index {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 0xFF})
    @Tag("rule:RMM.FEATURES")
    @DisplayName("RMI_FEATURES returns the feature register of an index the RMM has and zero past them")
    void features(long index, RmmHost rmm) {
        assertThatCall(rmm.call(RmiFunction.RMI_FEATURES, index)).matchesModel();
    }

    @ParameterizedTest(name = "function ID {0}")
    // Offsets 0x20, 0x21 and 0x3F (the last of the SMCCC RMI range, which TF-A still forwards): defined by no RMI
    // revision and left out of TF-RMM's handler table; offsets such as 0x06 and 0x10 (PDEV/VDEV_AUX_COUNT) are
    // RMI 1.1 commands TF-RMM implements even under RMI 1.0.
    @ValueSource(longs = {0xC4000170L, 0xC4000171L, 0xC400018FL})
    @Tag("rule:RMM.UNKNOWN_COMMAND")
    @DisplayName("an RMI function ID the ABI does not define answers SMC_UNKNOWN")
    void unknown(long functionId, RmmHost rmm) {
        assertThatCall(rmm.raw(Registers.of(functionId), CallMemory.NONE)).matchesModel();
    }
}
