package org.fwcts.testcases.smccc;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.stream.Stream;
import org.fwcts.model.Registers;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.OwningEntity;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.Firmware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ConformanceTest
@Tag("smccc")
@DisplayName("Unknown function identifiers")
class UnknownFunctionTests {
    /** A function number no service in these ranges defines: just below the 0xFF00 general queries. */
    private static final int UNALLOCATED = 0xFEF0;
    /** PSCI_VERSION's number, used to build near-miss identifiers. */
    private static final int PSCI_VERSION_NUMBER = 0;

    static Stream<Arguments> unallocatedIdentifiers() {
        return Stream.of(OwningEntity.ARM_ARCHITECTURE, OwningEntity.CPU_SERVICE, OwningEntity.SIP_SERVICE,
                        OwningEntity.OEM_SERVICE, OwningEntity.STANDARD_SECURE_SERVICE,
                        OwningEntity.STANDARD_HYPERVISOR_SERVICE, OwningEntity.VENDOR_HYPERVISOR_SERVICE,
                        OwningEntity.VENDOR_EL3_MONITOR_SERVICE, OwningEntity.TRUSTED_APPLICATION, OwningEntity.TRUSTED_OS)
                .flatMap(owner -> Stream.of(
                        Arguments.of(owner + " fast SMC32", FunctionId.fast32(owner, UNALLOCATED)),
                        Arguments.of(owner + " fast SMC64", FunctionId.fast64(owner, UNALLOCATED))));
    }

    static Stream<Arguments> malformedIdentifiers() {
        return Stream.of(
                Arguments.of("PSCI_VERSION with MBZ bit 17 set", new FunctionId(0x8402_0000 | PSCI_VERSION_NUMBER)),
                Arguments.of("PSCI_VERSION with MBZ bit 23 set", new FunctionId(0x8480_0000 | PSCI_VERSION_NUMBER)),
                Arguments.of("PSCI_VERSION with the SVE hint bit 16 set", new FunctionId(0x8401_0000 | PSCI_VERSION_NUMBER)),
                Arguments.of("reserved owning entity 8", FunctionId.build(true, false, 8, UNALLOCATED)),
                Arguments.of("yielding call to the Standard Secure Service", FunctionId.build(false, false, 4, UNALLOCATED)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unallocatedIdentifiers")
    @Tag("rule:SMCCC.UNKNOWN_FID")
    @DisplayName("an unallocated function in each owner range answers NOT_SUPPORTED")
    void unallocatedFunctionIsNotSupported(String range, FunctionId id, Firmware firmware) {
        assertThatCall(firmware.smc(Registers.of(id.register()))).matchesModel();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedIdentifiers")
    @Tag("rule:SMCCC.FID_MBZ")
    @DisplayName("an identifier with reserved bits or a reserved owner names no function")
    void malformedIdentifierIsNotSupported(String what, FunctionId id, Firmware firmware) {
        assertThatCall(firmware.smc(Registers.of(id.register()))).matchesModel();
    }
}
