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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Direct requests from the normal world that the SPMC must refuse before any partition runs:
 * bad receivers, a sender field that is not the caller, reserved flags, responses from the
 * normal world.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:messaging")
@DisplayName("FF-A direct requests the SPMC refuses")
class FfaDirectRequestErrorTests {
    private static final long REQ_32 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.smc32().orElseThrow().register();
    private static final long REQ_64 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.smc64().orElseThrow().register();
    private static final long REQ2 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ2.smc64().orElseThrow().register();
    private static final long RESP_64 = FfaFunction.FFA_MSG_SEND_DIRECT_RESP.smc64().orElseThrow().register();

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of("REQ_64 to a partition ID nobody has", REQ_64, 0x0000_8009L, 0L),
                Arguments.of("REQ_32 to a partition ID nobody has", REQ_32, 0x0000_8009L, 0L),
                Arguments.of("REQ_64 to the SPMC's own ID", REQ_64, 0x0000_8000L, 0L),
                Arguments.of("REQ_64 to a normal-world ID", REQ_64, 0x0000_0001L, 0L),
                Arguments.of("REQ_64 to the caller itself", REQ_64, 0x0000_0000L, 0L),
                Arguments.of("REQ_64 with a sender field that is not the caller", REQ_64, 0x8001_8001L, 0L),
                Arguments.of("REQ_64 with reserved flags in x2", REQ_64, 0x0000_8001L, 0x1L),
                Arguments.of("REQ2 to a partition ID nobody has", REQ2, 0x0000_8009L, 0L),
                Arguments.of("a direct response from the normal world", RESP_64, 0x0000_8001L, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    @Tag("rule:FFA.MSG.DIRECT_REQ.RECEIVER")
    @Tag("rule:FFA.MSG.DIRECT_REQ.SENDER")
    @Tag("rule:FFA.MSG.DIRECT_REQ.FLAGS")
    @Tag("rule:FFA.MSG.DIRECT_RESP.NORMAL_WORLD")
    @DisplayName("is refused with the implementation's error")
    void refused(String what, long function, long endpoints, long flags, FfaFirmware ffa) {
        assertThatCall(ffa.call(Registers.of(function, endpoints, flags, 1, 2, 3, 4, 5))).matchesModel();
    }

    static Stream<Arguments> partitionRequests() {
        return Stream.of(Arguments.of("REQ_32", REQ_32), Arguments.of("REQ_64", REQ_64), Arguments.of("REQ2", REQ2));
    }

    /** The partition is running the normal world's request when it makes this one: its own context is not waiting. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("partitionRequests")
    @Tag("rule:FFA.MSG.DIRECT_REQ.RECEIVER")
    @Tag("rule:FFA.MSG.DIRECT_REQ.BUSY")
    @DisplayName("a partition's request to itself, made while it runs a request, is refused")
    void partitionToItself(String what, long function, FfaFirmware ffa) {
        PartitionAgent partition = PartitionAgent.first(ffa);
        long self = partition.id().value();
        assertThatCall(partition.call(Registers.of(function, self << 16 | self, 0, 1, 2, 3, 4, 5))).matchesModel();
    }
}
