package org.fwcts.testcases.smccc;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.stream.Stream;
import org.fwcts.model.Registers;
import org.fwcts.model.psci.PsciFunction;
import org.fwcts.model.smccc.ArchFunction;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ConformanceTest
@Tag("smccc")
@DisplayName("Function identifier width")
class FunctionIdWidthTests {
    private static final long UPPER_HALF = 0xFFFF_FFFF_0000_0000L;

    static Stream<FunctionId> discoveryFunctions() {
        return Stream.of(PsciFunction.PSCI_VERSION.smc32(), ArchFunction.SMCCC_VERSION.id());
    }

    @ParameterizedTest(name = "{0} with x0[63:32] all ones")
    @MethodSource("discoveryFunctions")
    @Tag("rule:SMCCC.FID_W0")
    @DisplayName("the function is chosen by w0: the upper half of x0 is ignored")
    void upperHalfOfX0IsIgnored(FunctionId id, Firmware firmware) {
        assertThatCall(firmware.smc(Registers.of(UPPER_HALF | id.register()))).matchesModel();
    }
}
