package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.INVALID_PARAMETERS;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.request;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.DONATE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.LEND_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RO;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RW;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RWX;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP2;

import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.handler.memory.PermissionResolution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The two rules from the field that FWCTS checks explicitly, each stated literally. */
@DisplayName("Rules from the field")
class FieldRulesTests {

    @Nested
    @DisplayName("(a) LEND or DONATE with instruction access NOT_SPECIFIED never gives the borrower execute"
            + " permission (Hafnium before 7cd5eb31 gave X)")
    class NotSpecifiedNeverExecutable {

        @Test
        @DisplayName("the rule has its own constant, citing FFA_MEM_LEND and FFA_MEM_DONATE")
        void ruleConstant() {
            assertThat(MemoryRules.NOT_SPECIFIED_NEVER_EXECUTABLE.id()).isEqualTo("FFA.MEM.LEND.NOT_SPECIFIED_NEVER_X");
            assertThat(MemoryRules.NOT_SPECIFIED_NEVER_EXECUTABLE.section()).contains("FFA_MEM_LEND", "FFA_MEM_DONATE");
        }

        @Test
        @DisplayName("a grant of RW with instruction access NOT_SPECIFIED is R+W, not X; only an explicit X executes")
        void grantWithoutInstructionAccess() {
            assertThat(PermissionResolution.pageAccess(AccessPermissions.RW)).isEqualTo(new PageAccess(true, true, false));
            assertThat(PermissionResolution.pageAccess(AccessPermissions.NOT_SPECIFIED))
                    .isEqualTo(new PageAccess(true, true, false));
            assertThat(PermissionResolution.pageAccess(AccessPermissions.of(DataAccess.RO, InstructionAccess.X)))
                    .isEqualTo(PageAccess.RX);
        }

        @Test
        @DisplayName("TF-A: RWX memory lent with RW (instruction NOT_SPECIFIED) gives the borrower RW only")
        void tfaLendOfExecutableMemory() {
            MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");
            long handle = walk.send(NWD, LEND_32, send(TransactionType.LEND, NWD, NWD_RWX, 1, to(SP1, AccessPermissions.RW)));
            walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW)));
            assertThat(walk.access(SP1, NWD_RWX)).isEqualTo(PageAccess.RW);
            assertThat(walk.access(SP1, NWD_RWX).execute()).isFalse();
        }

        @Test
        @DisplayName("Hafnium: RWX memory lent to two borrowers, retrieved with NOT_SPECIFIED, is NX for both")
        void hafniumMultiBorrowerLend() {
            MemoryWalk walk = new MemoryWalk("hafnium");
            long handle = walk.send(NWD, LEND_32, send(TransactionType.LEND, NWD, NWD_RWX, 1,
                    to(SP1, AccessPermissions.RW), to(SP2, AccessPermissions.RW)));
            MemoryTransaction request = request(NWD, handle, to(SP1, AccessPermissions.RW), to(SP2, AccessPermissions.RW));
            walk.retrieve(SP1, request);
            walk.retrieve(SP2, request);
            assertThat(walk.access(SP1, NWD_RWX)).isEqualTo(PageAccess.RW);
            assertThat(walk.access(SP2, NWD_RWX)).isEqualTo(PageAccess.RW);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = TransactionType.class, names = {"LEND", "DONATE"})
        @DisplayName("Hafnium: a single borrower of a LEND or DONATE that leaves instruction access NOT_SPECIFIED is"
                + " refused with INVALID_PARAMETERS, never mapped X")
        void hafniumSingleBorrowerMustAsk(TransactionType type) {
            MemoryWalk walk = new MemoryWalk("hafnium");
            long function = type == TransactionType.LEND ? LEND_32 : DONATE_32;
            AccessPermissions offered = type == TransactionType.LEND ? AccessPermissions.RW : AccessPermissions.NOT_SPECIFIED;
            long handle = walk.send(NWD, function, send(type, NWD, NWD_RWX, 1, to(SP1, offered)));
            assertError(walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW))).registers(),
                    INVALID_PARAMETERS);
            assertThat(walk.access(SP1, NWD_RWX)).isEqualTo(PageAccess.NONE);
        }
    }

    @Nested
    @DisplayName("(b) after RECLAIM the owner has exactly the permissions it had before the send, never more"
            + " (an SPMC once gave the owner RWX)")
    class ReclaimRestoresExactly {

        @Test
        @DisplayName("the rule has its own constant, citing FFA_MEM_RECLAIM")
        void ruleConstant() {
            assertThat(MemoryRules.RECLAIM_RESTORES_EXACTLY.id()).isEqualTo("FFA.MEM.RECLAIM.RESTORES_EXACTLY");
            assertThat(MemoryRules.RECLAIM_RESTORES_EXACTLY.section()).isEqualTo("FFA_MEM_RECLAIM");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium"})
        @DisplayName("RW memory lent and retrieved comes back RW after reclaim: not RWX")
        void lentRwComesBackRw(String profile) {
            MemoryWalk walk = new MemoryWalk(profile);
            long handle = walk.send(NWD, LEND_32, send(TransactionType.LEND, NWD, NWD_RW, 3, to(SP1, AccessPermissions.RW)));
            walk.retrieve(SP1, request(NWD, handle, to(SP1, AccessPermissions.RW_NX)));
            walk.relinquish(SP1, RelinquishDescriptor.of(handle, SP1));
            assertSuccess(walk.reclaim(NWD, handle, 0));
            for (long page = NWD_RW; page < NWD_RW + 0x3000; page += 0x1000) {
                assertThat(walk.access(NWD, page)).isEqualTo(new PageAccess(true, true, false));
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"tfa-el3-spmc", "hafnium", "optee"})
        @DisplayName("read-only memory shared comes back read-only after reclaim")
        void sharedRoComesBackRo(String profile) {
            MemoryWalk walk = new MemoryWalk(profile);
            long handle = walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_RO, 2,
                    to(SP1, profile.equals("optee") ? AccessPermissions.RW : AccessPermissions.RO)));
            assertSuccess(walk.reclaim(NWD, handle, 0));
            assertThat(walk.access(NWD, NWD_RO)).isEqualTo(PageAccess.RO);
            assertThat(walk.access(NWD, NWD_RO + 0x1000)).isEqualTo(PageAccess.RO);
        }

        @Test
        @DisplayName("TF-A: a region mixing RW and RO pages comes back page by page as it was")
        void mixedRegionPageByPage() {
            MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");
            MemoryTransaction lend = MemoryTransaction.builder(NWD)
                    .receiver(SP1, AccessPermissions.RO)
                    .region(Constituent.of(NWD_RW + 0xF000, 1), Constituent.of(NWD_RO, 1))
                    .build();
            long handle = walk.send(NWD, LEND_32, lend);
            assertThat(walk.access(NWD, NWD_RO)).isEqualTo(PageAccess.NONE);
            assertSuccess(walk.reclaim(NWD, handle, 0));
            assertThat(walk.access(NWD, NWD_RW + 0xF000)).isEqualTo(PageAccess.RW);
            assertThat(walk.access(NWD, NWD_RO)).isEqualTo(PageAccess.RO);
        }

        @Test
        @DisplayName("TF-A: pages the owner had no access to stay inaccessible after reclaim")
        void noAccessStaysNone() {
            MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");
            long unowned = 0x8800_0000L;
            long handle = walk.send(NWD, LEND_32, send(TransactionType.LEND, NWD, unowned, 1, to(SP1, AccessPermissions.RW)));
            assertSuccess(walk.reclaim(NWD, handle, 0));
            assertThat(walk.access(NWD, unowned)).isEqualTo(PageAccess.NONE);
        }
    }
}
