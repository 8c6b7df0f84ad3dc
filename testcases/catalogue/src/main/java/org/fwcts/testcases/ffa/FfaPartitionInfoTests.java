package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.Partition;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FFA_PARTITION_INFO_GET and _REGS from the normal world, with the RX buffer contents checked. */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:discovery")
@DisplayName("FFA_PARTITION_INFO_GET")
class FfaPartitionInfoTests {
    private static final long INFO_GET = FfaFunction.FFA_PARTITION_INFO_GET.id().register();
    private static final long INFO_GET_REGS = FfaFunction.FFA_PARTITION_INFO_GET_REGS.id().register();
    private static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.id().register();

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
    }

    /** The UUID words of the first partition the topology declares, as w1..w4 carry them. */
    private static long[] firstPartitionUuid(FfaFirmware ffa) {
        Partition first = ffa.model().topology().partitions().get(0);
        int[] words = first.uuids().get(0).registerWords();
        return new long[] {words[0] & 0xFFFF_FFFFL, words[1] & 0xFFFF_FFFFL, words[2] & 0xFFFF_FFFFL,
                words[3] & 0xFFFF_FFFFL};
    }

    @Test
    @Tag("rule:FFA.PARTITION_INFO.ALL")
    @Tag("rule:FFA.RX_RELEASE")
    @DisplayName("the nil UUID describes every partition in the RX buffer, which the caller then releases")
    void everyPartition(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(INFO_GET))).matchesModel();
        assertThatCall(ffa.call(Registers.of(RX_RELEASE))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.PARTITION_INFO.UUID")
    @DisplayName("a partition's UUID describes it with the UUID field zero")
    void byUuid(FfaFirmware ffa) {
        long[] uuid = firstPartitionUuid(ffa);
        assertThatCall(ffa.call(Registers.of(INFO_GET, uuid[0], uuid[1], uuid[2], uuid[3]))).matchesModel();
        assertThatCall(ffa.call(Registers.of(RX_RELEASE))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.PARTITION_INFO.UUID")
    @DisplayName("a UUID no partition serves is INVALID_PARAMETERS")
    void unknownUuid(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(INFO_GET, 0x1111_1111L, 0x2222_2222L, 0x3333_3333L, 0x4444_4444L)))
                .matchesModel();
    }

    @Test
    @Tag("rule:FFA.PARTITION_INFO.COUNT_ONLY")
    @DisplayName("the count-only flag returns the count without taking the RX buffer")
    void countOnly(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(INFO_GET, 0, 0, 0, 0, 1))).matchesModel();
        assertThatCall(ffa.call(Registers.of(RX_RELEASE))).matchesModel();
    }

    @ParameterizedTest(name = "flags 0x{0}")
    @ValueSource(longs = {2, 0x8000_0000L})
    @Tag("rule:FFA.PARTITION_INFO.FLAGS_MBZ")
    @DisplayName("reserved flag bits are refused or ignored, as the implementation chooses")
    void reservedFlags(long flags, FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(INFO_GET, 0, 0, 0, 0, flags))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.PARTITION_INFO.RX_BUSY")
    @DisplayName("a second request while the caller still owns its RX buffer fails")
    void rxStillOwned(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(INFO_GET))).matchesModel();
        assertThatCall(ffa.call(Registers.of(INFO_GET))).matchesModel();
        assertThatCall(ffa.call(Registers.of(RX_RELEASE))).matchesModel();
    }

    @Test
    @Tag("rule:FFA.PARTITION_INFO_REGS")
    @DisplayName("FFA_PARTITION_INFO_GET_REGS pages through the descriptors in registers, where provided")
    void inRegisters(FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(INFO_GET_REGS, 0, 0, 0))).matchesModel();
        assertThatCall(ffa.call(Registers.of(INFO_GET_REGS, 0, 0, 0x1_0000L))).matchesModel();
    }
}
