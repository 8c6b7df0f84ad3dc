package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_MANY;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RW;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertOutcome;

import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The handle of a new transaction (DEN0077A, "Memory handle"): the SPMC chooses it, the model
 * constrains it (not all ones, bit 63 clear, not in use) and binds what the target returned.
 */
@DisplayName("Memory handles")
class HandleTests {
    private static final byte[] SHARE = TransactionDescriptorEncoder.encode(
            send(TransactionType.SHARE, NWD, NWD_RW, 1, to(SP1, AccessPermissions.RW)));
    private static final long[] SHARE_CALL = {SHARE_32, SHARE.length, SHARE.length};

    private static Registers success(long handle) {
        return Registers.of(FfaFunction.FFA_SUCCESS.x0(), 0, handle & 0xFFFF_FFFFL, handle >>> 32);
    }

    private static boolean admits(MemoryWalk walk, long handle) {
        FfaOutcome.Predicted outcome = (FfaOutcome.Predicted) walk.peek(NWD, SHARE_CALL, SHARE);
        return outcome.match(success(handle), Optional.empty()) instanceof FfaOutcome.Match.Consistent;
    }

    @ParameterizedTest(name = "{0}: first 0x{1}, then 0x{2}")
    @CsvSource({"tfa-el3-spmc, ffffffc0, ffffffc1", "hafnium, 0, 1", "optee, 100000000000, 100000000001"})
    @DisplayName("the suggested handles follow each profile's scheme: TF-A counts from 0xFFFFFFC0, Hafnium uses the"
            + " first free slot, OP-TEE the first free index with bit 44 set")
    void suggestions(String profile, String first, String second) {
        MemoryWalk walk = new MemoryWalk(profile);
        assertThat(walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_MANY, 1, to(SP1, AccessPermissions.RW))))
                .isEqualTo(Long.parseLong(first, 16));
        assertThat(walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_MANY + 0x1000, 1,
                to(SP1, AccessPermissions.RW)))).isEqualTo(Long.parseLong(second, 16));
    }

    @Test
    @DisplayName("a handle is any value the SPMC chooses except all ones, one with bit 63 set (hypervisor-allocated)"
            + " or one in use")
    void constraint() {
        MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");
        assertThat(admits(walk, 0x1234_5678_9ABCL)).isTrue();
        assertThat(admits(walk, 0)).isTrue();
        assertThat(admits(walk, -1L)).isFalse();
        assertThat(admits(walk, 0x8000_0000_0000_0001L)).isFalse();
        long live = walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_MANY, 1, to(SP1, AccessPermissions.RW)));
        assertThat(admits(walk, live)).isFalse();
    }

    @Test
    @DisplayName("the model binds the handle the target returned: later calls use that one")
    void binding() {
        MemoryWalk walk = new MemoryWalk("hafnium");
        long chosen = 0x0000_0042_0000_0007L;
        FfaPrediction sent = walk.answered(NWD, SHARE_CALL, SHARE, success(chosen));
        assertThat(sent.constraints()).hasSize(1);
        assertThat(walk.memory().transactions()).containsOnlyKeys(chosen);
        assertOutcome(walk.reclaim(NWD, 0, 0), "INVALID_PARAMETERS");
        assertSuccess(walk.reclaim(NWD, chosen, 0));
    }

    @Test
    @DisplayName("FFA_SUCCESS carries the handle in w2 (bits [31:0]) and w3 (bits [63:32])")
    void registers() {
        MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");
        walk.call(NWD, SHARE_CALL, SHARE);
        assertThat(walk.lastAnswer().x(0)).isEqualTo(FfaFunction.FFA_SUCCESS.x0());
        assertThat(walk.lastAnswer().x(2)).isEqualTo(0xFFFF_FFC0L);
        assertThat(walk.lastAnswer().x(3)).isZero();
    }

    @Test
    @DisplayName("Hafnium tracks at most MAX_MEM_SHARES = 100 transactions: the 101st send is NO_MEMORY")
    void hafniumTableFull() {
        MemoryWalk walk = new MemoryWalk("hafnium");
        for (int i = 0; i < 100; i++) {
            walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_MANY + i * 0x1000L, 1,
                    to(SP1, AccessPermissions.RW)));
        }
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(send(TransactionType.SHARE, NWD,
                NWD_MANY + 100 * 0x1000L, 1, to(SP1, AccessPermissions.RW)))), "NO_MEMORY");
    }
}
