package org.fwcts.testcases.psci;

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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ConformanceTest
@Tag("psci")
@DisplayName("PSCI_FEATURES")
class PsciFeaturesTests {

    static Stream<Arguments> psciFunctions() {
        return PsciFunction.allIds().stream().map(id -> Arguments.of(PsciFunction.nameOf(id), id));
    }

    static Stream<Arguments> otherFunctions() {
        return Stream.of(
                Arguments.of("SMCCC_VERSION", ArchFunction.SMCCC_VERSION.id()),
                Arguments.of("unallocated PSCI number 0x1F", new FunctionId(0x8400_001F)),
                Arguments.of("SMC64 form of PSCI_VERSION, which PSCI does not define", new FunctionId(0xC400_0000)));
    }

    @ParameterizedTest(name = "PSCI_FEATURES({0})")
    @MethodSource("psciFunctions")
    @Tag("rule:PSCI.FEATURES")
    @DisplayName("answers for every PSCI function as the profile implements it")
    void reportsEachPsciFunction(String name, FunctionId queried, Firmware firmware) {
        check(queried, firmware);
    }

    @ParameterizedTest(name = "PSCI_FEATURES({0})")
    @MethodSource("otherFunctions")
    @Tag("rule:PSCI.FEATURES")
    @DisplayName("answers for SMCCC_VERSION and identifiers PSCI does not define")
    void reportsOtherIdentifiers(String name, FunctionId queried, Firmware firmware) {
        check(queried, firmware);
    }

    private static void check(FunctionId queried, Firmware firmware) {
        Registers call = Registers.of(PsciFunction.PSCI_FEATURES.smc32().register(), queried.register());
        assertThatCall(firmware.smc(call)).matchesModel();
    }
}
