package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.stream.Stream;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Notifications from the normal world, where the implementation provides them (and
 * NOT_SUPPORTED where it does not): the bitmap for VM 0, binding, setting, getting and INFO_GET.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:notifications")
@DisplayName("FF-A notifications")
class FfaNotificationTests {

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
    }

    private static long id(FfaFunction function) {
        return function.id().register();
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                Arguments.of("BITMAP_CREATE for VM 0", Registers.of(id(FfaFunction.FFA_NOTIFICATION_BITMAP_CREATE), 0, 1)),
                Arguments.of("BIND of ID 0 from the partition", Registers.of(id(FfaFunction.FFA_NOTIFICATION_BIND),
                        0x8001_0000L, 0, 1, 0)),
                Arguments.of("UNBIND of ID 0", Registers.of(id(FfaFunction.FFA_NOTIFICATION_UNBIND), 0x8001_0000L, 0, 1, 0)),
                Arguments.of("SET of ID 0 to the partition", Registers.of(id(FfaFunction.FFA_NOTIFICATION_SET),
                        0x0000_8001L, 0, 1, 0)),
                Arguments.of("GET of every bitmap", Registers.of(id(FfaFunction.FFA_NOTIFICATION_GET), 0, 0xF)),
                Arguments.of("INFO_GET (SMC64)", Registers.of(FfaFunction.FFA_NOTIFICATION_INFO_GET.smc64().orElseThrow()
                        .register())),
                Arguments.of("BITMAP_DESTROY for VM 0", Registers.of(id(FfaFunction.FFA_NOTIFICATION_BITMAP_DESTROY), 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    @Tag("rule:FFA.NOTIFICATION_BITMAP_CREATE")
    @Tag("rule:FFA.NOTIFICATION_BIND")
    @Tag("rule:FFA.NOTIFICATION_SET")
    @Tag("rule:FFA.NOTIFICATION_GET")
    @Tag("rule:FFA.NOTIFICATION_INFO_GET")
    @Tag("rule:FFA.NOTIFICATION_UNBIND")
    @Tag("rule:FFA.NOTIFICATION_BITMAP_DESTROY")
    @DisplayName("one step of the notification life cycle, as the implementation provides it")
    void lifecycleStep(String what, Registers call, FfaFirmware ffa) {
        assertThatCall(ffa.call(call)).matchesModel();
    }
}
