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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RX/TX buffer management from the normal world. Each test starts with the buffers mapped and
 * unmaps them, so the bad-map cases find nothing mapped; clean-up maps them again.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:rxtx")
@DisplayName("FF-A RX/TX buffers")
class FfaRxTxTests {
    private static final long MAP_32 = FfaFunction.FFA_RXTX_MAP.smc32().orElseThrow().register();
    private static final long MAP_64 = FfaFunction.FFA_RXTX_MAP.smc64().orElseThrow().register();
    private static final long UNMAP = FfaFunction.FFA_RXTX_UNMAP.id().register();
    private static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.id().register();

    @BeforeEach
    void unmapped(FfaFirmware ffa) {
        ffa.ready();
        assertThatCall(ffa.call(Registers.of(UNMAP))).matchesModel();
    }

    /** Bad TX/RX/page-count triples, as offsets from the scratch area (in 4 KiB pages) or absolute zero. */
    static Stream<Arguments> badMappings() {
        return Stream.of(
                Arguments.of("TX at address 0", -1, 3, 1),
                Arguments.of("RX at address 0", 2, -1, 1),
                Arguments.of("TX and RX the same page", 2, 2, 1),
                Arguments.of("no pages", 2, 3, 0),
                Arguments.of("overlapping two-page buffers", 2, 3, 2),
                Arguments.of("TX misaligned by 2 KiB", -2, 4, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMappings")
    @Tag("rule:FFA.RXTX_MAP.ADDRESS")
    @Tag("rule:FFA.RXTX_MAP.PAGE_COUNT")
    @DisplayName("refuses buffers that are missing, shared, misaligned, empty or overlapping")
    void badMapping(String why, int txPage, int rxPage, int pages, FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(MAP_64, address(ffa, txPage), address(ffa, rxPage), pages))).matchesModel();
    }

    private static long address(FfaFirmware ffa, int page) {
        if (page == -1) {
            return 0;
        }
        if (page == -2) {
            return ffa.page(FfaFirmware.FIRST_FREE_PAGE) + 0x800;
        }
        return ffa.page(page);
    }

    @Test
    @Tag("rule:FFA.RXTX_MAP")
    @Tag("rule:FFA.RXTX_MAP.TWICE")
    @DisplayName("maps once with SMC32 where provided, and a second map is DENIED")
    void mapTwice(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(MAP_32, ffa.txAddress(), ffa.rxAddress(), 1))).matchesModel();
        assertThatCall(ffa.call(Registers.of(MAP_64, ffa.page(4), ffa.page(5), 1))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.RXTX_UNMAP")
    @DisplayName("unmapping with nothing mapped is INVALID_PARAMETERS")
    void unmapTwice(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(UNMAP))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.RXTX_UNMAP.ID_MBZ")
    @DisplayName("a VM ID in w1[31:16] from a caller that is not forwarding for a VM is refused")
    void unmapWithVmId(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(MAP_64, ffa.txAddress(), ffa.rxAddress(), 1))).matchesModel();
        assertThatCall(ffa.call(Registers.of(UNMAP, 0x1_0000L))).matchesModel();
        assertThatCall(ffa.call(Registers.of(UNMAP))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.RX_RELEASE")
    @DisplayName("releasing an RX buffer that is not mapped, or not owned, is DENIED")
    void releaseWithoutOwnership(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(RX_RELEASE))).matchesModel();
        assertThatCall(ffa.call(Registers.of(MAP_64, ffa.txAddress(), ffa.rxAddress(), 1))).matchesModel();
        assertThatCall(ffa.call(Registers.of(RX_RELEASE))).matchesModel();
    }
}
