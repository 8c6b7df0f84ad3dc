package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.stream.Stream;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.PartitionAgent;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Discovery from inside the secure partition, through the partition agent: the SPMC as a partition sees it. */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:discovery")
@DisplayName("FF-A discovery from a partition")
class FfaPartitionDiscoveryTests {
    private PartitionAgent partition;

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
        partition = PartitionAgent.first(ffa);
    }

    static Stream<Arguments> calls() {
        long features = FfaFunction.FFA_FEATURES.id().register();
        return Stream.of(
                Arguments.of("FFA_ID_GET", Registers.of(FfaFunction.FFA_ID_GET.id().register())),
                Arguments.of("FFA_SPM_ID_GET", Registers.of(FfaFunction.FFA_SPM_ID_GET.id().register())),
                Arguments.of("FFA_VERSION 1.2 after its initialisation", Registers.of(FfaFunction.FFA_VERSION.id().register(),
                        0x1_0002L)),
                Arguments.of("FFA_FEATURES(FFA_MSG_SEND_DIRECT_RESP)", Registers.of(features, FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0())),
                Arguments.of("FFA_FEATURES(FFA_MEM_RELINQUISH)", Registers.of(features, FfaFunction.FFA_MEM_RELINQUISH.x0())),
                Arguments.of("FFA_FEATURES(FFA_MEM_SHARE)", Registers.of(features, FfaFunction.FFA_MEM_SHARE.x0())),
                Arguments.of("FFA_FEATURES(FFA_MEM_RETRIEVE_REQ) without NS-bit handling",
                        Registers.of(features, FfaFunction.FFA_MEM_RETRIEVE_REQ.x0Smc64(), 0)),
                Arguments.of("FFA_FEATURES(FFA_MEM_RETRIEVE_REQ) with NS-bit handling",
                        Registers.of(features, FfaFunction.FFA_MEM_RETRIEVE_REQ.x0Smc64(), 2)),
                Arguments.of("FFA_FEATURES(feature ID 1, NPI)", Registers.of(features, 1)),
                Arguments.of("FFA_MSG_SEND_DIRECT_REQ to the normal world",
                        Registers.of(FfaFunction.FFA_MSG_SEND_DIRECT_REQ.smc64().orElseThrow().register(), 0x8001_0000L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    @Tag("rule:FFA.ID_GET")
    @Tag("rule:FFA.FEATURES.FUNCTION")
    @DisplayName("a partition's own discovery call")
    void partitionCall(String what, Registers call, FfaFirmware ffa) {
        assertThatCall(partition.call(call)).matchesModel();
    }

    @Test
    @Tag("rule:FFA.RXTX_MAP")
    @Tag("rule:FFA.PARTITION_INFO.ALL")
    @DisplayName("the partition maps its buffers and reads partition information into its RX buffer")
    void partitionInfoFromPartition(FfaFirmware ffa) {
        partition.ready();
        assertThatCall(partition.call(Registers.of(FfaFunction.FFA_PARTITION_INFO_GET.id().register()))).matchesModel();
        assertThatCall(partition.call(Registers.of(FfaFunction.FFA_RX_RELEASE.id().register()))).matchesModel();
    }
}
