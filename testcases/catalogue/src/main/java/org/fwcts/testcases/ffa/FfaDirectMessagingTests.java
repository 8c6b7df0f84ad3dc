package org.fwcts.testcases.ffa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.PartitionAgent;
import org.fwcts.testcases.support.PartitionExchange;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Direct requests from the normal world that reach the partition agent, and its responses: the
 * SPMC must pass both on as the model says (function ID, endpoint IDs, flags, every payload
 * register of the form), which the partition agent client checks for each exchange.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:messaging")
@DisplayName("FF-A direct messages to and from a partition")
class FfaDirectMessagingTests {

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
    }

    static Stream<Arguments> forms() {
        long[] pattern = {0x1111_2222_3333_4444L, 0xFFFF_FFFF_0000_0001L, 0x8000_0000_0000_0000L, 0x5555_AAAA_5555_AAAAL,
            0x0123_4567_89AB_CDEFL, 0xFEDC_BA98_7654_3210L, 0x7L, 0x7FFF_FFFF_FFFF_FFFFL, 0xDEAD_BEEFL,
            0xCAFE_F00D_0000_0000L, 0x42L, 0x1L << 40, 0xA5A5_A5A5_A5A5_A5A5L};
        return Stream.of(DirectMessageKind.values()).flatMap(kind -> Stream.of(
                Arguments.of(kind, "zeros", new long[0]),
                Arguments.of(kind, "every bit pattern", pattern)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("forms")
    @Tag("rule:FFA.MSG.DIRECT_REQ.FORWARD")
    @Tag("rule:FFA.MSG.DIRECT_RESP.FORWARD")
    @DisplayName("a request reaches the partition and its response comes back, every payload register intact")
    void echo(DirectMessageKind kind, String what, long[] payload, FfaFirmware ffa) {
        PartitionAgent partition = PartitionAgent.in(ffa, ffa.model().topology().partitions().get(0), kind);
        PartitionExchange exchange = partition.command(PartitionCommand.PING, 0, 0, 0, payload);
        assertThat(exchange.status()).isEqualTo(PartitionStatus.OK);
        for (int i = 1; i < kind.payloadCount(); i++) {
            long sent = i - 1 < payload.length ? payload[i - 1] : 0;
            long expected = kind.bytesPerRegister() == 4 ? sent & 0xFFFF_FFFFL : sent;
            assertThat(exchange.result(i)).as("payload register %d echoed", i).isEqualTo(expected);
        }
    }
}
