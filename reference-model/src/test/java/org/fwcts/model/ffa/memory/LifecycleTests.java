package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.DENIED;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.request;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.DONATE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.LEND_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RW;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RWX;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_64;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP2;

import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The memory state machine (ffa-memory.md §5), walked call by call with the access map checked after
 * every step: share, lend and donate, one and two borrowers, retrieve, relinquish, reclaim.
 */
@DisplayName("Memory transactions, step by step")
class LifecycleTests {
    private static final long RETRIEVE_RESP = FfaFunction.FFA_MEM_RETRIEVE_RESP.x0();
    private static final PageAccess NONE = PageAccess.NONE;

    @Nested
    @DisplayName("at TF-A's EL3 SPMC")
    class TfaEl3Spmc {
        private final MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");

        @Test
        @DisplayName("SHARE keeps the owner's RW; retrieve gives the borrower RW; relinquish removes it; reclaim leaves RW")
        void shareRetrieveRelinquishReclaim() {
            long handle = walk.send(NWD, SHARE_64, send(TransactionType.SHARE, NWD, NWD_RW, 2, to(SP1, AccessPermissions.RW)));
            assertThat(handle).as("TF-A's first handle").isEqualTo(0xFFFF_FFC0L);
            assertThat(walk.access(NWD, NWD_RW)).isEqualTo(PageAccess.RW);
            assertThat(walk.access(SP1, NWD_RW)).isEqualTo(NONE);

            FfaPrediction retrieved = walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW)));
            assertRegister(retrieved.registers(), 0, RETRIEVE_RESP);
            assertRegister(retrieved.registers(), 1, 112);
            assertRegister(retrieved.registers(), 2, 112);
            assertThat(walk.access(SP1, NWD_RW + 0x1000)).isEqualTo(PageAccess.RW);
            assertThat(walk.access(NWD, NWD_RW)).isEqualTo(PageAccess.RW);

            assertSuccess(walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1)).registers());
            assertThat(walk.access(SP1, NWD_RW)).isEqualTo(NONE);

            assertSuccess(walk.reclaim(NWD, handle, 0));
            assertThat(walk.access(NWD, NWD_RW)).isEqualTo(PageAccess.RW);
            assertThat(walk.memory().transactions()).isEmpty();
        }

        @Test
        @DisplayName("LEND takes the owner's access away until reclaim gives back exactly RW")
        void lend() {
            long handle = walk.send(NWD, LEND_32, send(TransactionType.LEND, NWD, NWD_RW, 4, to(SP1, AccessPermissions.RO)));
            assertThat(walk.access(NWD, NWD_RW + 0x3000)).isEqualTo(NONE);
            walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RO)));
            assertThat(walk.access(SP1, NWD_RW + 0x3000)).isEqualTo(PageAccess.RO);
            walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1));
            assertSuccess(walk.reclaim(NWD, handle, 0));
            assertThat(walk.access(NWD, NWD_RW + 0x3000)).isEqualTo(PageAccess.RW);
            assertThat(walk.access(SP1, NWD_RW + 0x3000)).isEqualTo(NONE);
        }

        @Test
        @DisplayName("with two borrowers, reclaim is DENIED until both have relinquished")
        void twoBorrowers() {
            long handle = walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_RW, 1,
                    to(SP1, AccessPermissions.RW), to(SP2, AccessPermissions.RO)));
            MemoryTransaction request = request(NWD, handle, to(SP1, AccessPermissions.RW), to(SP2, AccessPermissions.RO));
            assertRegister(walk.retrieve(SP1, request).registers(), 1, 144);
            walk.retrieve(SP2, request);
            assertThat(walk.access(SP1, NWD_RW)).isEqualTo(PageAccess.RW);
            assertThat(walk.access(SP2, NWD_RW)).isEqualTo(PageAccess.RO);
            walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1));
            assertError(walk.reclaim(NWD, handle, 0), DENIED);
            walk.relinquish(SP2, RelinquishDescriptor.of(handle, SP2));
            assertSuccess(walk.reclaim(NWD, handle, 0));
            assertThat(walk.access(SP2, NWD_RW)).isEqualTo(NONE);
        }

        @Test
        @DisplayName("a borrower may retrieve twice (in_use counts); it must relinquish twice before reclaim")
        void retrieveTwice() {
            long handle = walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_RW, 1, to(SP1, AccessPermissions.RW)));
            MemoryTransaction request = request(NWD, handle, to(SP1, AccessPermissions.RW));
            walk.retrieve(SP1, request);
            assertSuccess(walk.releaseRx(SP1));
            assertRegister(walk.retrieve(SP1, request).registers(), 0, RETRIEVE_RESP);
            walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1));
            assertThat(walk.access(SP1, NWD_RW)).isEqualTo(PageAccess.RW);
            assertError(walk.reclaim(NWD, handle, 0), DENIED);
            walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1));
            assertSuccess(walk.reclaim(NWD, handle, 0));
        }
    }

    @Nested
    @DisplayName("at Hafnium")
    class Hafnium {
        private final MemoryWalk walk = new MemoryWalk("hafnium");

        @Test
        @DisplayName("LEND of RWX memory: the borrower asking NX gets RW; reclaim gives the owner RWX back")
        void lend() {
            long handle = walk.send(NWD, LEND_32, send(TransactionType.LEND, NWD, NWD_RWX, 2, to(SP1, AccessPermissions.RW)));
            assertThat(handle).as("Hafnium's first share-state slot").isZero();
            assertThat(walk.access(NWD, NWD_RWX)).isEqualTo(NONE);
            walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW_NX)));
            assertThat(walk.access(SP1, NWD_RWX)).isEqualTo(PageAccess.RW);
            assertSuccess(walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1)).registers());
            assertThat(walk.access(SP1, NWD_RWX)).isEqualTo(NONE);
            assertSuccess(walk.reclaim(NWD, handle, 0));
            assertThat(walk.access(NWD, NWD_RWX + 0x1000)).isEqualTo(PageAccess.RWX);
        }

        @Test
        @DisplayName("SHARE to two partitions: each retrieves once with what it asks for, the owner keeps RW")
        void twoBorrowers() {
            long handle = walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_RW, 1,
                    to(SP1, AccessPermissions.RW), to(SP2, AccessPermissions.RW)));
            MemoryTransaction request = request(NWD, handle, to(SP1, AccessPermissions.RW), to(SP2, AccessPermissions.RO));
            walk.retrieve(SP1, request);
            walk.retrieve(SP2, request);
            assertThat(walk.access(SP1, NWD_RW)).isEqualTo(PageAccess.RW);
            assertThat(walk.access(SP2, NWD_RW)).isEqualTo(PageAccess.RO);
            assertThat(walk.access(NWD, NWD_RW)).isEqualTo(PageAccess.RW);
            walk.relinquish(SP2, RelinquishDescriptor.of(handle, SP2));
            assertError(walk.reclaim(NWD, handle, 0), DENIED);
            walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1));
            assertSuccess(walk.reclaim(NWD, handle, 0));
        }

        @Test
        @DisplayName("DONATE: the retriever becomes the owner, the handle is freed, the donor has nothing")
        void donate() {
            long handle = walk.send(NWD, DONATE_32, send(TransactionType.DONATE, NWD, NWD_RW, 2,
                    to(SP1, AccessPermissions.NOT_SPECIFIED)));
            assertThat(walk.access(NWD, NWD_RW)).isEqualTo(NONE);
            walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW_NX)));
            assertThat(walk.access(SP1, NWD_RW)).isEqualTo(PageAccess.RW);
            assertThat(walk.memory().owners().owner(NWD_RW)).contains(SP1);
            assertError(walk.reclaim(NWD, handle, 0), INVALID_PARAMETERS);
            assertThat(walk.access(NWD, NWD_RW)).isEqualTo(NONE);
        }

        @Test
        @DisplayName("DONATE reclaimed before anyone retrieves it gives the donor its pages back (commit 9256f162)")
        void donateReclaimedEarly() {
            long handle = walk.send(NWD, DONATE_32, send(TransactionType.DONATE, NWD, NWD_RW, 2,
                    to(SP1, AccessPermissions.NOT_SPECIFIED)));
            assertSuccess(walk.reclaim(NWD, handle, 0));
            assertThat(walk.access(NWD, NWD_RW)).isEqualTo(PageAccess.RW);
            assertThat(walk.memory().owners().owner(NWD_RW)).contains(NWD);
        }

        @Test
        @DisplayName("a partition lends its own memory to another partition, which may then not retrieve it twice")
        void partitionToPartition() {
            long handle = walk.send(SP1, LEND_32, send(TransactionType.LEND, SP1, MemoryWalk.SP1_RW, 1,
                    to(SP2, AccessPermissions.RW)));
            assertThat(walk.access(SP1, MemoryWalk.SP1_RW)).isEqualTo(NONE);
            walk.retrieve(SP2, request(SP1, handle, to(SP2, AccessPermissions.RW_NX)));
            assertThat(walk.access(SP2, MemoryWalk.SP1_RW)).isEqualTo(PageAccess.RW);
            walk.releaseRx(SP2);
            assertError(walk.retrieve(SP2, request(SP1, handle, to(SP2, AccessPermissions.RW_NX))).registers(), DENIED);
        }
    }

    @Nested
    @DisplayName("at OP-TEE")
    class Optee {
        private final MemoryWalk walk = new MemoryWalk("optee");

        @Test
        @DisplayName("SHARE to OP-TEE itself gets a handle with bit 44 set; the owner keeps RW; reclaim ends it")
        void share() {
            long handle = walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_RW, 2, to(SP1, AccessPermissions.RW)));
            assertThat(handle).isEqualTo(0x1000_0000_0000L);
            assertThat(walk.access(NWD, NWD_RW)).isEqualTo(PageAccess.RW);
            assertSuccess(walk.reclaim(NWD, handle, 0));
            assertError(walk.reclaim(NWD, handle, 0), INVALID_PARAMETERS);
        }
    }
}
