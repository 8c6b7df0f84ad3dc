package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.stream.Stream;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FFA_FEATURES for every FF-A function identifier and feature ID, from the normal world. */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:discovery")
@DisplayName("FFA_FEATURES")
class FfaFeaturesTests {
    private static final long FFA_FEATURES = FfaFunction.FFA_FEATURES.id().register();

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
    }

    public static Stream<Arguments> everyFunctionIdentifier() {
        return Stream.of(FfaFunction.values()).flatMap(function -> Stream.concat(
                function.smc32().stream().map(id -> Arguments.of(function + " (SMC32)", id)),
                function.smc64().stream().map(id -> Arguments.of(function + " (SMC64)", id))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFunctionIdentifier")
    @Tag("rule:FFA.FEATURES.FUNCTION")
    @DisplayName("reports each function identifier as provided or NOT_SUPPORTED, as the implementation provides it")
    void functionIdentifier(String name, FunctionId id, FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FFA_FEATURES, id.value() & 0xFFFF_FFFFL))).matchesModel();
    }

    @ParameterizedTest(name = "feature ID 0x{0}")
    @ValueSource(longs = {1, 2, 3, 4, 0x7F, 0x101})
    @Tag("rule:FFA.FEATURES.FEATURE_ID")
    @DisplayName("answers feature IDs (interrupt IDs) as implemented, and NOT_SUPPORTED otherwise")
    void featureId(long feature, FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FFA_FEATURES, feature))).matchesModel();
    }

    @ParameterizedTest(name = "input properties 0x{0}")
    @ValueSource(longs = {1, 0x8000_0000L})
    @Tag("rule:FFA.FEATURES.INPUT_MBZ")
    @DisplayName("refuses input properties on a query that defines none")
    void inputPropertiesMbz(long properties, FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FFA_FEATURES, FfaFunction.FFA_ID_GET.id().register(), properties)))
                .matchesModel();
    }

    @ParameterizedTest(name = "input properties 0x{0}")
    @ValueSource(longs = {0, 2})
    @Tag("rule:FFA.FEATURES.RETRIEVE_NS")
    @DisplayName("FFA_MEM_RETRIEVE_REQ: the NS-bit handling flag, as the implementation treats the normal world")
    void retrieveNsBit(long properties, FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(FFA_FEATURES,
                FfaFunction.FFA_MEM_RETRIEVE_REQ.smc64().orElseThrow().register(), properties))).matchesModel();
    }
}
