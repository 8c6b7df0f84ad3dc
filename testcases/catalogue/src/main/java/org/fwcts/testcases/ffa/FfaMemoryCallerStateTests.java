package org.fwcts.testcases.ffa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.testcases.ffa.MemoryScenario.FFA_MEM_RETRIEVE_RESP;
import static org.fwcts.testcases.ffa.MemoryScenario.FFA_SUCCESS;
import static org.fwcts.testcases.ffa.MemoryScenario.is;
import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.stream.Stream;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.RequiresFfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state-changing call on a memory handle (retrieve, relinquish, reclaim, and a send of the
 * same pages) from each endpoint
 * in each state of the transaction: the wrong caller in the wrong state is refused with the error
 * the model's rule gives (DEN0077A v1.2, "FFA_MEM_RETRIEVE_REQ", "FFA_MEM_RELINQUISH",
 * "FFA_MEM_RECLAIM"), the right one succeeds. The test leaves whatever the call left open to
 * the run's clean-up, which gives memory back through calls the model predicts.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:memory")
@DisplayName("FF-A memory: each caller in each state of a transaction")
class FfaMemoryCallerStateTests {
    private MemoryScenario scenario;

    /** How far the transaction has gone when the call under test is made. */
    enum Stage {
        SENT("sent, not retrieved"),
        RETRIEVED("retrieved by the partition"),
        RELINQUISHED("retrieved and relinquished"),
        RECLAIMED("reclaimed by its owner");

        private final String description;

        Stage(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** The handle operations whose outcome depends on who calls and when. */
    enum Operation {
        RETRIEVE("FFA_MEM_RETRIEVE_REQ"),
        RELINQUISH("FFA_MEM_RELINQUISH"),
        RECLAIM("FFA_MEM_RECLAIM"),
        SEND("a send of the same pages");

        private final String function;

        Operation(String function) {
            this.function = function;
        }

        @Override
        public String toString() {
            return function;
        }
    }

    @BeforeEach
    void ready(FfaFirmware ffa) {
        scenario = new MemoryScenario(ffa, 1);
    }

    static Stream<Arguments> cases() {
        return Stream.of(TransactionType.SHARE, TransactionType.LEND).flatMap(type -> Stream.of(Stage.values())
                .flatMap(stage -> Stream.of(Operation.values()).flatMap(operation -> Stream.of(Caller.values())
                        .map(caller -> Arguments.of(operation, caller, stage, type)))));
    }

    @ParameterizedTest(name = "{0} by {1}, {2} ({3})")
    @MethodSource("cases")
    @Tag("rule:FFA.MEM.RETRIEVE.CALLER")
    @Tag("rule:FFA.MEM.RETRIEVE.HANDLE")
    @Tag("rule:FFA.MEM.RELINQUISH.HANDLE")
    @Tag("rule:FFA.MEM.RELINQUISH.DESCRIPTOR")
    @Tag("rule:FFA.MEM.RECLAIM.OWNER")
    @Tag("rule:FFA.MEM.RECLAIM.IN_USE")
    @Tag("rule:FFA.MEM.RECLAIM.HANDLE")
    @Tag("rule:FFA.MEM.SEND.SENDER")
    @Tag("rule:FFA.MEM.SEND.OVERLAP")
    @DisplayName("a handle operation answers as the caller and the transaction's state decide")
    void operationInState(Operation operation, Caller caller, Stage stage, TransactionType type, FfaFirmware ffa) {
        long handle = reach(stage, type);
        byte[] tx = tx(operation, caller, handle, type, ffa);
        Registers registers = operation == Operation.SEND ? MemoryDescriptors.sendCall(type, tx) : call(operation, handle, tx);
        FfaCheck check = caller.call(ffa, scenario.partition(), registers, tx);
        assertThatCall(check).matchesModel();
        caller.releaseRxIfHeld(ffa, scenario.partition());
    }

    /** Takes a new transaction to {@code stage}, each step checked; returns its handle. */
    private long reach(Stage stage, TransactionType type) {
        FfaCheck send = scenario.send(type, AccessPermissions.RW, 0);
        assertThat(is(send, FFA_SUCCESS)).as("the send the case starts from succeeds")
                .isTrue();
        long handle = MemoryRetrieval.handle(send);
        if (stage == Stage.SENT) {
            return handle;
        }
        boolean retrieved = is(scenario.retrieve(handle, type, granted(type), 0), FFA_MEM_RETRIEVE_RESP);
        assertThat(retrieved).as("the partition retrieves the handle").isTrue();
        if (stage == Stage.RETRIEVED) {
            return handle;
        }
        scenario.relinquish(handle);
        if (stage == Stage.RECLAIMED) {
            scenario.reclaim(handle);
        }
        return handle;
    }

    private static AccessPermissions granted(TransactionType type) {
        return type == TransactionType.SHARE ? AccessPermissions.RW : AccessPermissions.RW_NX;
    }

    private static Registers call(Operation operation, long handle, byte[] tx) {
        return switch (operation) {
            case RETRIEVE -> MemoryRetrieval.retrieveCall(tx);
            case RELINQUISH -> MemoryRetrieval.relinquishCall();
            case RECLAIM -> Registers.of(FfaFunction.FFA_MEM_RECLAIM.id().register(), handle & 0xFFFF_FFFFL,
                    handle >>> 32, 0);
            case SEND -> null;
        };
    }

    /** The TX buffer the call reads: a retrieve request naming the partition as receiver, or a relinquish naming the caller. */
    private byte[] tx(Operation operation, Caller caller, long handle, TransactionType type, FfaFirmware ffa) {
        return switch (operation) {
            case RETRIEVE -> MemoryRetrieval.request(handle, ffa.self(), scenario.partition().id(), type, granted(type), 0);
            case RELINQUISH -> MemoryRetrieval.relinquish(handle, caller.id(ffa, scenario.partition()));
            case RECLAIM -> new byte[0];
            case SEND -> MemoryDescriptors.bytes(resend(caller, type, ffa));
        };
    }

    /** The case's pages sent again with the case's type, by {@code caller} to the other endpoint. */
    private MemoryTransaction resend(Caller caller, TransactionType type, FfaFirmware ffa) {
        MemoryTransaction.Builder send = MemoryDescriptors.send(ffa, type, scenario.partition().id(), AccessPermissions.RW, 1);
        if (caller == Caller.PARTITION) {
            send = MemoryTransaction.builder(scenario.partition().id())
                    .attributes(type == TransactionType.SHARE ? MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE
                            : MemoryAttributes.NOT_SPECIFIED)
                    .receiver(ffa.self(), AccessPermissions.RW)
                    .region(new Constituent(scenario.region(), 1)).layout(DescriptorLayout.V1_2);
        }
        return send.build();
    }
}
