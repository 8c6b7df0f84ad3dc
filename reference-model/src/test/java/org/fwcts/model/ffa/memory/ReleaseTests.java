package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.request;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.DONATE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.LEND_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RW;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP2;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertOutcome;

import java.util.List;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.MemoryEffect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FFA_MEM_RELINQUISH and FFA_MEM_RECLAIM, each misuse with each profile's error (ffa-memory.md §6). */
@DisplayName("FFA_MEM_RELINQUISH and FFA_MEM_RECLAIM")
class ReleaseTests {

    /** NWD sends one RW page with {@code function} to SP1 (RW); SP1 retrieves it when {@code retrieve}. */
    private static MemoryWalk sent(String profile, long function, boolean retrieve) {
        MemoryWalk walk = new MemoryWalk(profile);
        TransactionType type = function == SHARE_32 ? TransactionType.SHARE : TransactionType.LEND;
        walk.send(NWD, function, send(type, NWD, NWD_RW, 1, to(SP1, AccessPermissions.RW)));
        if (retrieve) {
            AccessPermissions asked = profile.equals("hafnium") && type == TransactionType.LEND
                    ? AccessPermissions.RW_NX : AccessPermissions.RW;
            walk.retrieve(SP1, request(NWD, walk.handle(), to(SP1, asked)));
        }
        return walk;
    }

    @Nested
    @DisplayName("FFA_MEM_RELINQUISH")
    class Relinquish {

        @ParameterizedTest(name = "{0}: {1} -> {2}")
        @CsvSource({
                "tfa-el3-spmc, no endpoint, INVALID_PARAMETERS", "hafnium, no endpoint, INVALID_PARAMETERS",
                "tfa-el3-spmc, two endpoints, INVALID_PARAMETERS", "hafnium, two endpoints, INVALID_PARAMETERS",
                "tfa-el3-spmc, another endpoint, INVALID_PARAMETERS", "hafnium, another endpoint, INVALID_PARAMETERS",
                "tfa-el3-spmc, unknown handle, INVALID_PARAMETERS", "hafnium, unknown handle, INVALID_PARAMETERS",
                "tfa-el3-spmc, as described, SUCCESS", "hafnium, as described, SUCCESS"})
        @DisplayName("the descriptor names one endpoint, the caller, and a live handle; otherwise INVALID_PARAMETERS")
        void descriptor(String profile, String what, String expected) {
            MemoryWalk walk = sent(profile, SHARE_32, true);
            long handle = walk.handle();
            List<EndpointId> endpoints;
            switch (what) {
                case "no endpoint":
                    endpoints = List.of();
                    break;
                case "two endpoints":
                    endpoints = List.of(SP1, SP2);
                    break;
                case "another endpoint":
                    endpoints = List.of(SP2);
                    break;
                default:
                    endpoints = List.of(SP1);
                    break;
            }
            long named = what.equals("unknown handle") ? handle + 5 : handle;
            assertOutcome(walk.relinquish(SP1, new RelinquishDescriptor(named, 0, endpoints)).registers(), expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"tfa-el3-spmc", "hafnium"})
        @DisplayName("a borrower that has not retrieved, or relinquishes twice, or is not a borrower: INVALID_PARAMETERS")
        void notHolding(String profile) {
            MemoryWalk walk = sent(profile, SHARE_32, false);
            long handle = walk.handle();
            assertOutcome(walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1)).registers(), "INVALID_PARAMETERS");
            walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW)));
            assertOutcome(walk.relinquish(SP2, RelinquishDescriptor.of(handle, SP2)).registers(), "INVALID_PARAMETERS");
            assertOutcome(walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1)).registers(), "SUCCESS");
            assertOutcome(walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1)).registers(), "INVALID_PARAMETERS");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"tfa-el3-spmc", "hafnium"})
        @DisplayName("without a TX buffer the descriptor cannot be read: INVALID_PARAMETERS")
        void noTxBuffer(String profile) {
            MemoryWalk walk = sent(profile, SHARE_32, true);
            walk.releaseRx(SP1);
            walk.unmap(SP1);
            assertOutcome(walk.relinquish(SP1, RelinquishDescriptor.of(walk.handle(), SP1)).registers(),
                    "INVALID_PARAMETERS");
        }

        @ParameterizedTest(name = "{0}: {1} with flags {2} -> {3}")
        @CsvSource({
                "tfa-el3-spmc, LEND, 1, INVALID_PARAMETERS", "tfa-el3-spmc, LEND, 2, INVALID_PARAMETERS",
                "hafnium, SHARE, 1, INVALID_PARAMETERS", "hafnium, LEND, 1, SUCCESS", "hafnium, LEND, 2, SUCCESS"})
        @DisplayName("relinquish flags: TF-A takes none; Hafnium zeroes on bit 0, except shared memory, and ignores the rest")
        void flags(String profile, TransactionType type, int flags, String expected) {
            MemoryWalk walk = sent(profile, type == TransactionType.SHARE ? SHARE_32 : LEND_32, true);
            FfaPrediction relinquished = walk.relinquish(SP1, new RelinquishDescriptor(walk.handle(), flags, List.of(SP1)));
            assertOutcome(relinquished.registers(), expected);
            if (expected.equals("SUCCESS")) {
                assertThat(relinquished.effects()).hasSize(flags & 1);
            }
        }

        @Test
        @DisplayName("Hafnium: zeroing on relinquish happens once the last borrower relinquishes, and is DENIED for a"
                + " read-only borrower")
        void hafniumZeroing() {
            MemoryWalk walk = new MemoryWalk("hafnium");
            long handle = walk.send(NWD, LEND_32, send(TransactionType.LEND, NWD, NWD_RW, 1, to(SP1, AccessPermissions.RW),
                    to(SP2, AccessPermissions.RO)));
            MemoryTransaction request = request(NWD, handle, to(SP1, AccessPermissions.RW), to(SP2, AccessPermissions.RO));
            walk.retrieve(SP1, request);
            walk.retrieve(SP2, request);
            assertThat(walk.relinquish(SP1, new RelinquishDescriptor(handle, 1, List.of(SP1))).effects()).isEmpty();
            assertOutcome(walk.relinquish(SP2, new RelinquishDescriptor(handle, 1, List.of(SP2))).registers(), "DENIED");
            FfaPrediction last = walk.relinquish(SP2, RelinquishDescriptor.of(handle, SP2));
            assertOutcome(last.registers(), "SUCCESS");
        }

        @Test
        @DisplayName("Hafnium: a retrieved DONATE cannot be relinquished; its handle is gone (INVALID_PARAMETERS)")
        void afterDonate() {
            MemoryWalk walk = new MemoryWalk("hafnium");
            long handle = walk.send(NWD, DONATE_32, send(TransactionType.DONATE, NWD, NWD_RW, 1,
                    to(SP1, AccessPermissions.NOT_SPECIFIED)));
            walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW_NX)));
            assertOutcome(walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1)).registers(), "INVALID_PARAMETERS");
        }

        @Test
        @DisplayName("a relinquish descriptor written by hand: handle, flags 0, one endpoint 0x8001")
        void handWritten() {
            MemoryWalk walk = sent("tfa-el3-spmc", SHARE_32, true);
            byte[] descriptor = org.fwcts.model.ffa.HexBytes.of("c0ffffff00000000", "00000000", "01000000", "0180");
            assertOutcome(walk.call(SP1, new long[] {MemoryWalk.RELINQUISH}, descriptor).registers(), "SUCCESS");
        }
    }

    @Nested
    @DisplayName("FFA_MEM_RECLAIM")
    class Reclaim {

        @ParameterizedTest(name = "{0}")
        @CsvSource({"tfa-el3-spmc", "hafnium", "optee"})
        @DisplayName("an unknown handle, and reclaiming twice, are INVALID_PARAMETERS")
        void unknownAndTwice(String profile) {
            MemoryWalk walk = sent(profile, SHARE_32, false);
            long handle = walk.handle();
            assertOutcome(walk.reclaim(NWD, handle ^ 0x10, 0), "INVALID_PARAMETERS");
            assertOutcome(walk.reclaim(NWD, handle, 0), "SUCCESS");
            assertOutcome(walk.reclaim(NWD, handle, 0), "INVALID_PARAMETERS");
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({"tfa-el3-spmc, SHARE", "tfa-el3-spmc, LEND", "hafnium, SHARE", "hafnium, LEND"})
        @DisplayName("while a borrower holds the memory, reclaim is DENIED and nothing changes")
        void whileRetrieved(String profile, TransactionType type) {
            MemoryWalk walk = sent(profile, type == TransactionType.SHARE ? SHARE_32 : LEND_32, true);
            PageAccess owner = walk.access(NWD, NWD_RW);
            assertOutcome(walk.reclaim(NWD, walk.handle(), 0), "DENIED");
            assertThat(walk.access(SP1, NWD_RW)).isEqualTo(PageAccess.RW);
            assertThat(walk.access(NWD, NWD_RW)).isEqualTo(owner);
        }

        @ParameterizedTest(name = "{0}: w3 = {1} -> {2}")
        @CsvSource({"tfa-el3-spmc, 1, INVALID_PARAMETERS", "optee, 1, INVALID_PARAMETERS",
                "hafnium, 1, SUCCESS", "hafnium, 2, SUCCESS"})
        @DisplayName("reclaim flags: TF-A and OP-TEE take none; Hafnium zeroes on bit 0 and ignores the rest")
        void flags(String profile, long flags, String expected) {
            MemoryWalk walk = sent(profile, LEND_32, false);
            assertOutcome(walk.reclaim(NWD, walk.handle(), flags), expected);
        }

        @Test
        @DisplayName("Hafnium: reclaim with bit 0 zeroes the region before the owner has it back")
        void zeroOnReclaim() {
            MemoryWalk walk = sent("hafnium", LEND_32, false);
            FfaPrediction reclaimed = walk.call(NWD, new long[] {MemoryWalk.RECLAIM, walk.handle() & 0xFFFF_FFFFL,
                    walk.handle() >>> 32, 1}, new byte[0]);
            assertThat(reclaimed.effects()).containsExactly(new MemoryEffect(NWD_RW, 1, MemoryEffect.Kind.ZEROED,
                    MemoryRules.ZERO_ON_RECLAIM));
        }

        @Test
        @DisplayName("Hafnium: zeroing on reclaim read-only memory is DENIED")
        void zeroReadOnly() {
            MemoryWalk walk = new MemoryWalk("hafnium");
            long handle = walk.send(NWD, LEND_32, send(TransactionType.LEND, NWD, MemoryWalk.NWD_RO, 1,
                    to(SP1, AccessPermissions.RO)));
            assertOutcome(walk.reclaim(NWD, handle, 1), "DENIED");
            assertOutcome(walk.reclaim(NWD, handle, 0), "SUCCESS");
        }

        @Test
        @DisplayName("Hafnium: the normal world cannot reclaim memory a partition lent (DENIED)")
        void notTheOwner() {
            MemoryWalk walk = new MemoryWalk("hafnium");
            long handle = walk.send(SP1, LEND_32, send(TransactionType.LEND, SP1, MemoryWalk.SP1_RW, 1,
                    to(SP2, AccessPermissions.RW)));
            assertOutcome(walk.reclaim(NWD, handle, 0), "DENIED");
        }
    }
}
