package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.request;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.FRAG_RX;
import static org.fwcts.model.ffa.memory.MemoryWalk.FRAG_TX;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_MANY;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertOutcome;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertRetrieveResp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.prediction.Prediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fragmented sends (FFA_MEM_FRAG_RX / FFA_MEM_FRAG_TX) and a long retrieve response pulled with
 * FFA_MEM_FRAG_RX (DEN0077A, "FFA_MEM_FRAG_RX", "FFA_MEM_FRAG_TX"; ffa-memory.md §1, §5).
 */
@DisplayName("Fragmentation")
class FragmentationTests {

    /** A v1.2 SHARE from NWD to SP1 (RW) of {@code count} one-page constituents from NWD_MANY. */
    private static byte[] share(int count) {
        List<Constituent> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pages.add(Constituent.of(NWD_MANY + i * 0x1000L, 1));
        }
        return TransactionDescriptorEncoder.encode(MemoryTransaction.builder(NWD)
                .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .receiver(SP1, AccessPermissions.RW).region(CompositeRegion.of(pages)).build());
    }

    /** Sends the first {@code first} bytes of {@code bytes}; returns the FFA_MEM_FRAG_RX prediction. */
    private static Prediction first(MemoryWalk walk, byte[] bytes, int first) {
        return walk.call(NWD, new long[] {SHARE_32, bytes.length, first}, bytes).registers();
    }

    private static FfaPrediction next(MemoryWalk walk, long handle, byte[] bytes, int from, int length, long senderField) {
        return walk.call(NWD, new long[] {FRAG_TX, handle & 0xFFFF_FFFFL, handle >>> 32, length, senderField},
                Arrays.copyOfRange(bytes, from, from + length));
    }

    @ParameterizedTest(name = "{0}: handle 0x{1}")
    @CsvSource({"tfa-el3-spmc, ffffffc0", "hafnium, 0", "optee, 100000000000"})
    @DisplayName("a first fragment shorter than the total gets FFA_MEM_FRAG_RX: w1/w2 the handle, w3 the bytes so far,"
            + " w4 0; the last FFA_MEM_FRAG_TX gets FFA_SUCCESS with the same handle")
    void sendInTwo(String profile, String handleHex) {
        MemoryWalk walk = new MemoryWalk(profile);
        byte[] bytes = share(2);
        Prediction fragRx = first(walk, bytes, 112);
        long handle = Long.parseLong(handleHex, 16);
        assertRegister(fragRx, 0, FfaFunction.FFA_MEM_FRAG_RX.x0());
        assertRegister(fragRx, 3, 112);
        assertRegister(fragRx, 4, 0);
        assertThat(walk.lastAnswer().x(1) | walk.lastAnswer().x(2) << 32).isEqualTo(handle);
        Prediction done = next(walk, handle, bytes, 112, 16, 0).registers();
        assertRegister(done, 0, FfaFunction.FFA_SUCCESS.x0());
        assertRegister(done, 2, handle & 0xFFFF_FFFFL);
        assertRegister(done, 3, handle >>> 32);
        assertThat(walk.memory().transactions()).containsOnlyKeys(handle);
        assertThat(walk.memory().sending()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tfa-el3-spmc", "hafnium"})
    @DisplayName("until the last fragment the transaction does not exist: retrieve and reclaim are INVALID_PARAMETERS")
    void incomplete(String profile) {
        MemoryWalk walk = new MemoryWalk(profile);
        byte[] bytes = share(3);
        first(walk, bytes, 112);
        long handle = walk.lastAnswer().x(1) | walk.lastAnswer().x(2) << 32;
        assertOutcome(walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW))).registers(),
                "INVALID_PARAMETERS");
        assertOutcome(walk.reclaim(NWD, handle, 0), "INVALID_PARAMETERS");
        Prediction middle = next(walk, handle, bytes, 112, 16, 0).registers();
        assertRegister(middle, 0, FfaFunction.FFA_MEM_FRAG_RX.x0());
        assertRegister(middle, 3, 128);
        assertOutcome(walk.reclaim(NWD, handle, 0), "INVALID_PARAMETERS");
        next(walk, handle, bytes, 128, 16, 0);
        assertRetrieveResp(walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW))).registers());
        assertThat(walk.access(SP1, NWD_MANY + 0x2000)).isEqualTo(PageAccess.RW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tfa-el3-spmc", "hafnium"})
    @DisplayName("FFA_MEM_FRAG_TX naming no send in progress, or a complete one, is INVALID_PARAMETERS")
    void unknownHandle(String profile) {
        MemoryWalk walk = new MemoryWalk(profile);
        byte[] bytes = share(2);
        first(walk, bytes, 112);
        long handle = walk.lastAnswer().x(1) | walk.lastAnswer().x(2) << 32;
        assertOutcome(next(walk, handle + 1, bytes, 112, 16, 0).registers(), "INVALID_PARAMETERS");
        next(walk, handle, bytes, 112, 16, 0);
        assertOutcome(next(walk, handle, bytes, 112, 16, 0).registers(), "INVALID_PARAMETERS");
    }

    @ParameterizedTest(name = "{0}: then {1}")
    @CsvSource({"tfa-el3-spmc, INVALID_PARAMETERS", "hafnium, SUCCESS"})
    @DisplayName("a fragment longer than what is left is INVALID_PARAMETERS; TF-A then drops the send, Hafnium keeps it")
    void tooLong(String profile, String afterwards) {
        MemoryWalk walk = new MemoryWalk(profile);
        byte[] bytes = share(2);
        first(walk, bytes, 112);
        long handle = walk.lastAnswer().x(1) | walk.lastAnswer().x(2) << 32;
        assertOutcome(next(walk, handle, Arrays.copyOf(bytes, 160), 112, 32, 0).registers(), "INVALID_PARAMETERS");
        assertOutcome(next(walk, handle, bytes, 112, 16, 0).registers(), afterwards);
    }

    @ParameterizedTest(name = "{0}: w3 = {1}, w4 = 0x{2} -> {3}")
    @CsvSource({"tfa-el3-spmc, 16, 10000, INVALID_PARAMETERS", "tfa-el3-spmc, 16, 0, SUCCESS",
            "hafnium, 8, 0, INVALID_PARAMETERS", "hafnium, 16, 10000, SUCCESS"})
    @DisplayName("TF-A wants the sender ID in w4[31:16] (0 for endpoint 0); Hafnium wants whole 16-byte constituents"
            + " and reads w4 only from partitions")
    void fragmentFields(String profile, int length, String senderField, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        byte[] bytes = share(2);
        first(walk, bytes, 112);
        long handle = walk.lastAnswer().x(1) | walk.lastAnswer().x(2) << 32;
        assertOutcome(next(walk, handle, Arrays.copyOf(bytes, 144), 112, length,
                Long.parseLong(senderField, 16)).registers(), expected);
    }

    @Test
    @DisplayName("Hafnium takes at most MAX_FRAGMENTS = 20 fragments: the 21st is NO_MEMORY and the send is freed")
    void hafniumTooManyFragments() {
        MemoryWalk walk = new MemoryWalk("hafnium");
        byte[] bytes = share(22);
        first(walk, bytes, 112);
        long handle = walk.lastAnswer().x(1) | walk.lastAnswer().x(2) << 32;
        for (int i = 0; i < 19; i++) {
            assertRegister(next(walk, handle, bytes, 112 + 16 * i, 16, 0).registers(), 0, FfaFunction.FFA_MEM_FRAG_RX.x0());
        }
        assertOutcome(next(walk, handle, bytes, 112 + 16 * 19, 16, 0).registers(), "NO_MEMORY");
        assertThat(walk.memory().sending()).isEmpty();
    }

    @Nested
    @DisplayName("a retrieve response longer than the RX buffer, at Hafnium")
    class LongResponse {
        private final MemoryWalk walk = new MemoryWalk("hafnium");
        private final byte[] bytes = share(300);
        private long handle;

        /** 300 constituents sent in two fragments (250 + 50); SP1 retrieves. */
        private FfaPrediction retrieveLong() {
            first(walk, bytes, 4096);
            handle = walk.lastAnswer().x(1) | walk.lastAnswer().x(2) << 32;
            next(walk, handle, bytes, 4096, bytes.length - 4096, 0);
            return walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW)));
        }

        private Prediction pull(long offset) {
            return walk.call(SP1, new long[] {FRAG_RX, handle & 0xFFFF_FFFFL, handle >>> 32, offset, 0}, new byte[0])
                    .registers();
        }

        @Test
        @DisplayName("FFA_MEM_RETRIEVE_RESP reports 4896 bytes of which 4096 (250 whole constituents) are in the RX buffer")
        void firstFragment() {
            Prediction response = retrieveLong().registers();
            assertRegister(response, 1, 4896);
            assertRegister(response, 2, 4096);
        }

        @Test
        @DisplayName("FFA_MEM_FRAG_RX at offset 4096 writes the last 800 bytes and answers FFA_MEM_FRAG_TX (w3 = 800)")
        void pullTheRest() {
            retrieveLong();
            assertOutcome(pull(4096), "BUSY");
            walk.releaseRx(SP1);
            assertOutcome(pull(100), "INVALID_PARAMETERS");
            FfaPrediction rest = walk.call(SP1, new long[] {FRAG_RX, handle & 0xFFFF_FFFFL, handle >>> 32, 4096, 0},
                    new byte[0]);
            assertRegister(rest.registers(), 0, FfaFunction.FFA_MEM_FRAG_TX.x0());
            assertRegister(rest.registers(), 3, 800);
            assertThat(rest.rx().orElseThrow().encode()).isEqualTo(Arrays.copyOfRange(bytes, 4096, 4896));
        }

        @Test
        @DisplayName("a borrower relinquishes only after pulling the whole response (INVALID_PARAMETERS before)")
        void relinquishAfterWholeResponse() {
            retrieveLong();
            assertOutcome(walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1)).registers(), "INVALID_PARAMETERS");
            walk.releaseRx(SP1);
            pull(4096);
            assertOutcome(walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1)).registers(), "SUCCESS");
        }
    }
}
