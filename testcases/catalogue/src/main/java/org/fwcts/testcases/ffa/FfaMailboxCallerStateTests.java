package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.stream.Stream;
import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.PartitionAgent;
import org.fwcts.testcases.support.PartitionExchange;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call that changes the RX/TX buffers' state or their ownership, from each endpoint, while
 * no RX buffer is full, while the normal world owns its RX buffer and while the partition owns
 * its own (DEN0077A v1.2, "Buffer ownership", "FFA_RXTX_MAP", "FFA_RXTX_UNMAP", "FFA_RX_RELEASE",
 * "FFA_RX_ACQUIRE", "FFA_PARTITION_INFO_GET"): an RX_RELEASE by an
 * endpoint that does not own its buffer is DENIED even while another endpoint owns one, and so on,
 * as the model's rules decide. Both endpoints' buffers are mapped and empty again afterwards.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:rxtx")
@DisplayName("FF-A RX/TX buffers: each caller in each ownership state")
class FfaMailboxCallerStateTests {
    private PartitionAgent partition;

    /** Who owns an RX buffer when the call under test is made. */
    enum Ownership {
        NONE("no RX buffer full"),
        NORMAL_WORLD("the normal world owns its RX buffer after its partition-info call"),
        PARTITION("the partition owns its RX buffer after its partition-info call");

        private final String description;

        Ownership(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** The buffer calls under test. */
    enum Operation {
        RX_RELEASE("FFA_RX_RELEASE"),
        PARTITION_INFO_GET("FFA_PARTITION_INFO_GET"),
        RXTX_MAP("FFA_RXTX_MAP of the mapped buffers"),
        RXTX_UNMAP("FFA_RXTX_UNMAP"),
        RX_ACQUIRE("FFA_RX_ACQUIRE");

        private final String description;

        Operation(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private boolean partitionUsed;

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
        partition = PartitionAgent.first(ffa);
        partitionUsed = false;
    }

    /** Leaves the buffers the case used mapped and empty, through checked calls. */
    @AfterEach
    void restore(FfaFirmware ffa) {
        if (ffa.distrust().isEmpty()) {
            ffa.ready();
            if (partitionUsed) {
                partition.ready();
            }
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(Ownership.values()).flatMap(owner -> Stream.of(Operation.values())
                .flatMap(operation -> Stream.of(Caller.values()).map(caller -> Arguments.of(operation, caller, owner))));
    }

    @ParameterizedTest(name = "{0} by {1} when {2}")
    @MethodSource("cases")
    @Tag("rule:FFA.RX_RELEASE")
    @Tag("rule:FFA.RX_ACQUIRE")
    @Tag("rule:FFA.RXTX_MAP.TWICE")
    @Tag("rule:FFA.RXTX_UNMAP")
    @Tag("rule:FFA.RXTX_MAP")
    @Tag("rule:FFA.PARTITION_INFO.RX_BUSY")
    @DisplayName("a buffer call answers as the caller and the buffers' ownership decide")
    void operationInState(Operation operation, Caller caller, Ownership owner, FfaFirmware ffa) {
        // Cases of the normal world alone need no partition, so they still run where the partition is gone.
        partitionUsed = caller == Caller.PARTITION || owner == Ownership.PARTITION;
        if (partitionUsed) {
            partition.ready();
        }
        if (owner != Ownership.NONE) {
            Caller holder = owner == Ownership.NORMAL_WORLD ? Caller.NORMAL_WORLD : Caller.PARTITION;
            assertThatCall(holder.call(ffa, partition, partitionInfo(), new byte[0])).matchesModel();
        }
        assertThatCall(caller.call(ffa, partition, call(operation, caller, ffa), new byte[0])).matchesModel();
        if (operation == Operation.RXTX_UNMAP && ffa.state().endpoint(caller.id(ffa, partition)).mailbox().isEmpty()) {
            mapAgainAndFill(caller, ffa);
        }
    }

    /**
     * After an unmap, a new map gives the caller an RX buffer the producer owns (FFA.RXTX_MAP), whatever
     * the old one's state was: the caller's partition-info call can fill it, and the caller releases it.
     */
    private void mapAgainAndFill(Caller caller, FfaFirmware ffa) {
        assertThatCall(caller.call(ffa, partition, remap(caller, ffa), new byte[0])).matchesModel();
        assertThatCall(caller.call(ffa, partition, partitionInfo(), new byte[0])).matchesModel();
        caller.releaseRxIfHeld(ffa, partition);
    }

    private static Registers partitionInfo() {
        return Registers.of(FfaFunction.FFA_PARTITION_INFO_GET.id().register());
    }

    private Registers call(Operation operation, Caller caller, FfaFirmware ffa) {
        return switch (operation) {
            case RX_RELEASE -> MemoryRetrieval.rxRelease();
            case PARTITION_INFO_GET -> partitionInfo();
            case RXTX_MAP -> remap(caller, ffa);
            case RXTX_UNMAP -> Registers.of(FfaFunction.FFA_RXTX_UNMAP.id().register());
            case RX_ACQUIRE -> Registers.of(FfaFunction.FFA_RX_ACQUIRE.id().register());
        };
    }

    /** FFA_RXTX_MAP (SMC64) of the buffers the caller already has mapped. */
    private Registers remap(Caller caller, FfaFirmware ffa) {
        long map = FfaFunction.FFA_RXTX_MAP.smc64().orElseThrow().register();
        if (caller == Caller.NORMAL_WORLD) {
            return Registers.of(map, ffa.txAddress(), ffa.rxAddress(), 1);
        }
        PartitionExchange info = partition.command(PartitionCommand.INFO, 0, 0, 0);
        return Registers.of(map, info.result(2), info.result(3), 1);
    }
}
