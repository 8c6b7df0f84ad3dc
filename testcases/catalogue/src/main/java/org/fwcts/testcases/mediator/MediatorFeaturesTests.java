package org.fwcts.testcases.mediator;

import static org.fwcts.testcases.mediator.MediatorCalls.FEATURES;

import org.fwcts.model.smccc.FunctionId;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.Guests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** FFA_FEATURES as a VM sees it: the mediator answers for the functions it provides to VMs. */
@FfaMediatorTest
@DisplayName("Mediator: FFA_FEATURES")
class MediatorFeaturesTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.fwcts.testcases.ffa.FfaFeaturesTests#everyFunctionIdentifier")
    @Tag("rule:XEN.FFA.FEATURES")
    @DisplayName("reports each function identifier to a VM at FF-A 1.2 as the mediator provides it, with its properties")
    void functionIdentifier(String name, FunctionId id, FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0);
        vm.ready(2);
        vm.checked(FEATURES, id.value() & 0xFFFF_FFFFL);
    }
}
