package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.DONATE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.LEND_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RO;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RW;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP2;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertOutcome;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a sender may offer (ffa-memory.md §4), the attributes it states, and the pages it may send
 * (§5 ownership, overlap with live transactions), with each profile's answer.
 */
@DisplayName("FFA_MEM_SHARE / LEND / DONATE: permissions, attributes and ownership")
class SendAccessTests {

    private static void expect(String profile, long function, MemoryTransaction descriptor, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        assertOutcome(walk.sendRaw(NWD, function, TransactionDescriptorEncoder.encode(descriptor)), expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, SUCCESS", "hafnium, INVALID_PARAMETERS"})
    @DisplayName("SHARE must state RO or RW data access: NOT_SPECIFIED is INVALID_PARAMETERS (TF-A stores it as sent)")
    void shareWithoutDataAccess(String profile, String expected) {
        expect(profile, SHARE_32, send(TransactionType.SHARE, NWD, NWD_RW, 1, to(SP1, AccessPermissions.NOT_SPECIFIED)),
                expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, SUCCESS", "hafnium, INVALID_PARAMETERS"})
    @DisplayName("a sender leaves instruction access NOT_SPECIFIED: NX from the sender is INVALID_PARAMETERS")
    void senderStatesInstructionAccess(String profile, String expected) {
        expect(profile, LEND_32, send(TransactionType.LEND, NWD, NWD_RW, 1, to(SP1, AccessPermissions.RW_NX)), expected);
    }

    @Test
    @DisplayName("Hafnium: DONATE leaves data access NOT_SPECIFIED; RW from the donor is INVALID_PARAMETERS")
    void donateWithDataAccess() {
        expect("hafnium", DONATE_32, send(TransactionType.DONATE, NWD, NWD_RW, 1, to(SP1, AccessPermissions.RW)),
                "INVALID_PARAMETERS");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, SUCCESS", "hafnium, INVALID_PARAMETERS"})
    @DisplayName("LEND to one borrower leaves the memory type to the borrower: Normal memory stated is INVALID_PARAMETERS")
    void singleLendStatesType(String profile, String expected) {
        MemoryTransaction lend = MemoryTransaction.builder(NWD)
                .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .receiver(SP1, AccessPermissions.RW).region(Constituent.of(NWD_RW, 1)).build();
        expect(profile, LEND_32, lend, expected);
    }

    @ParameterizedTest(name = "{0}: attributes 0x{1} -> {2}")
    @CsvSource({"hafnium, 2f, SUCCESS", "hafnium, 2e, DENIED", "hafnium, 27, DENIED", "hafnium, 00, DENIED",
            "hafnium, 10, DENIED", "tfa-el3-spmc, 00, SUCCESS", "optee, 2f, SUCCESS", "optee, 2e, INVALID_PARAMETERS"})
    @DisplayName("SHARE states attributes Hafnium maps (Normal write-back inner shareable) or is DENIED;"
            + " OP-TEE insists on exactly 0x2F; TF-A takes any")
    void shareAttributes(String profile, String attributes, String expected) {
        MemoryTransaction share = MemoryTransaction.builder(NWD).attributes(MemoryAttributes.of(Integer.parseInt(attributes, 16)))
                .receiver(SP1, AccessPermissions.RW).region(Constituent.of(NWD_RW, 1)).build();
        expect(profile, SHARE_32, share, expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"hafnium, DENIED", "tfa-el3-spmc, SUCCESS", "optee, SUCCESS"})
    @DisplayName("pages the sender does not own: DENIED where the SPMC tracks ownership")
    void unownedPages(String profile, String expected) {
        expect(profile, SHARE_32, send(TransactionType.SHARE, NWD, 0x8800_0000L, 1, to(SP1, AccessPermissions.RW)),
                expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"hafnium, DENIED", "tfa-el3-spmc, SUCCESS"})
    @DisplayName("a sender may not grant more than it has: RW of read-only pages is DENIED")
    void grantsMoreThanItHas(String profile, String expected) {
        expect(profile, SHARE_32, send(TransactionType.SHARE, NWD, NWD_RO, 1, to(SP1, AccessPermissions.RW)), expected);
    }

    @Test
    @DisplayName("Hafnium: zeroing pages the sender cannot write is DENIED")
    void zeroWithoutWrite() {
        MemoryTransaction lend = send(TransactionType.LEND, NWD, NWD_RO, 1, to(SP1, AccessPermissions.RO))
                .withFlags(TransactionFlags.NONE.withZeroMemory(true));
        expect("hafnium", LEND_32, lend, "DENIED");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"hafnium, DENIED", "tfa-el3-spmc, SUCCESS"})
    @DisplayName("all pages of a region must have one access: RW and RO pages together are DENIED")
    void mixedAccess(String profile, String expected) {
        MemoryTransaction lend = MemoryTransaction.builder(NWD).receiver(SP1, AccessPermissions.RO)
                .region(Constituent.of(NWD_RW, 1), Constituent.of(NWD_RO, 1)).build();
        expect(profile, LEND_32, lend, expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, INVALID_PARAMETERS", "hafnium, DENIED", "optee, SUCCESS"})
    @DisplayName("a region overlapping a live transaction's: TF-A INVALID_PARAMETERS, Hafnium DENIED (not exclusive),"
            + " OP-TEE does not check")
    void overlapWithLive(String profile, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_RW, 4, to(SP1, AccessPermissions.RW)));
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(
                send(TransactionType.SHARE, NWD, NWD_RW + 0x3000, 2, to(SP1, AccessPermissions.RW)))), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tfa-el3-spmc", "hafnium", "optee"})
    @DisplayName("the pages of a reclaimed transaction may be sent again")
    void sendAgainAfterReclaim(String profile) {
        MemoryWalk walk = new MemoryWalk(profile);
        long handle = walk.send(NWD, SHARE_32, send(TransactionType.SHARE, NWD, NWD_RW, 4, to(SP1, AccessPermissions.RW)));
        walk.reclaim(NWD, handle, 0);
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(
                send(TransactionType.SHARE, NWD, NWD_RW, 4, to(SP1, AccessPermissions.RW)))), "SUCCESS");
    }

    @ParameterizedTest(name = "OP-TEE: {0} with access 0x{1} for itself -> {2}")
    @CsvSource({"SHARE, 02, SUCCESS", "SHARE, 01, INVALID_PARAMETERS", "SHARE, 06, INVALID_PARAMETERS",
            "LEND, 02, SUCCESS", "LEND, 01, INVALID_PARAMETERS"})
    @DisplayName("OP-TEE must be a receiver with access exactly RW, instruction NOT_SPECIFIED (0x02)")
    void opteeOwnAccess(TransactionType type, String access, String expected) {
        MemoryTransaction descriptor = send(type, NWD, NWD_RW, 1,
                to(SP1, AccessPermissions.decode(Integer.parseInt(access, 16))));
        expect("optee", type == TransactionType.SHARE ? SHARE_32 : LEND_32, descriptor, expected);
    }

    @Test
    @DisplayName("OP-TEE: a LEND leaves the attributes 0; Normal write-back stated is INVALID_PARAMETERS")
    void opteeLendAttributes() {
        MemoryTransaction lend = MemoryTransaction.builder(NWD)
                .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .receiver(SP1, AccessPermissions.RW).region(Constituent.of(NWD_RW, 1)).build();
        expect("optee", LEND_32, lend, "INVALID_PARAMETERS");
    }

    @Test
    @DisplayName("Hafnium: a partition may not share with the normal world (DENIED)")
    void partitionToNormalWorld() {
        MemoryWalk walk = new MemoryWalk("hafnium");
        MemoryTransaction share = send(TransactionType.SHARE, SP1, MemoryWalk.SP1_RW, 1,
                to(MemoryWalk.NWD, AccessPermissions.RW));
        assertOutcome(walk.sendRaw(SP1, SHARE_32, TransactionDescriptorEncoder.encode(share)), "DENIED");
        assertOutcome(walk.sendRaw(SP1, SHARE_32, TransactionDescriptorEncoder.encode(
                send(TransactionType.SHARE, SP1, MemoryWalk.SP1_RW, 1, to(SP2, AccessPermissions.RW)))), "SUCCESS");
    }
}
