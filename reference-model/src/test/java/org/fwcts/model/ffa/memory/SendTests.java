package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.LEND_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RW;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_64;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP2;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertOutcome;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.MemoryEffect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FFA_MEM_SHARE, FFA_MEM_LEND and FFA_MEM_DONATE: register, buffer, header, flag and receiver checks,
 * with the error each profile gives (ffa-memory.md §1-§3, §6).
 */
@DisplayName("FFA_MEM_SHARE / LEND / DONATE")
class SendTests {
    private static final MemoryTransaction SHARE_TO_SP1 = send(TransactionType.SHARE, NWD, NWD_RW, 1,
            to(SP1, AccessPermissions.RW));
    private static final byte[] SHARE_BYTES = TransactionDescriptorEncoder.encode(SHARE_TO_SP1);

    private static MemoryTransaction withFlags(MemoryTransaction transaction, int flags) {
        return transaction.withFlags(TransactionFlags.of(flags));
    }

    @ParameterizedTest(name = "{0}: x3 = 0x{1}, w4 = {2} -> {3}")
    @CsvSource({"tfa-el3-spmc, 88000000, 0, INVALID_PARAMETERS", "tfa-el3-spmc, 0, 1, INVALID_PARAMETERS",
            "hafnium, 88000000, 0, INVALID_PARAMETERS", "hafnium, 0, 1, INVALID_PARAMETERS",
            "optee, 0, 1, INVALID_PARAMETERS"})
    @DisplayName("x3 (address) and w4 (page count) must be 0: the descriptor is in the TX buffer")
    void separateBuffer(String profile, String address, long pages, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        long[] call = {SHARE_64, SHARE_BYTES.length, SHARE_BYTES.length, Long.parseLong(address, 16), pages};
        assertOutcome(walk.call(NWD, call, SHARE_BYTES).registers(), expected);
    }

    @Test
    @DisplayName("OP-TEE takes a descriptor from a separate buffer, which the model does not follow")
    void opteeSeparateBuffer() {
        MemoryWalk walk = new MemoryWalk("optee");
        long[] call = {SHARE_64, SHARE_BYTES.length, SHARE_BYTES.length, 0x8800_0000L, 1};
        assertThat(walk.peek(NWD, call, SHARE_BYTES)).isInstanceOf(FfaOutcome.Unmodelled.class);
    }

    @ParameterizedTest(name = "{0}: w1 = {1}, w2 = {2} -> {3}")
    @CsvSource({"tfa-el3-spmc, 96, 112, INVALID_PARAMETERS", "tfa-el3-spmc, 112, 16, INVALID_PARAMETERS",
            "tfa-el3-spmc, 120, 120, NO_MEMORY",
            "hafnium, 96, 112, INVALID_PARAMETERS", "hafnium, 112, 16, INVALID_PARAMETERS",
            "hafnium, 120, 120, INVALID_PARAMETERS",
            "optee, 96, 112, INVALID_PARAMETERS", "optee, 112, 16, INVALID_PARAMETERS"})
    @DisplayName("the fragment is no longer than the total and holds a header; the total is a multiple of 16"
            + " (TF-A's allocator fails an unaligned one with NO_MEMORY)")
    void lengths(String profile, long total, long fragment, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        byte[] tx = java.util.Arrays.copyOf(SHARE_BYTES, 256);
        assertOutcome(walk.call(NWD, new long[] {SHARE_32, total, fragment}, tx).registers(), expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, INVALID_PARAMETERS", "hafnium, INVALID_PARAMETERS", "optee, DENIED"})
    @DisplayName("without RX/TX buffers mapped a send fails: INVALID_PARAMETERS (OP-TEE: DENIED)")
    void noBuffers(String profile, String expected) {
        MemoryWalk walk = MemoryWalk.withoutBuffers(profile);
        assertOutcome(walk.sendRaw(NWD, SHARE_32, SHARE_BYTES), expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, INVALID_PARAMETERS", "hafnium, INVALID_PARAMETERS", "optee, DENIED"})
    @DisplayName("a fragment longer than the one-page TX buffer fails: INVALID_PARAMETERS (OP-TEE: DENIED)")
    void fragmentBeyondBuffer(String profile, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        assertOutcome(walk.call(NWD, new long[] {SHARE_32, 8192, 8192}, new byte[8192]).registers(), expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, DENIED", "hafnium, DENIED", "optee, SUCCESS"})
    @DisplayName("the descriptor's sender must be the caller: a partition ID from the normal world is DENIED"
            + " (OP-TEE does not read the sender)")
    void senderNotCaller(String profile, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        MemoryTransaction spoofed = send(TransactionType.SHARE, SP2, NWD_RW, 1, to(SP1, AccessPermissions.RW));
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(spoofed)), expected);
    }

    @Test
    @DisplayName("TF-A accepts another normal-world sender ID from the normal world: it cannot tell VMs apart")
    void otherNormalWorldSender() {
        MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");
        MemoryTransaction vm = send(TransactionType.SHARE, EndpointId.of(1), 0x8800_0000L, 1,
                to(SP1, AccessPermissions.RW));
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(vm)), "SUCCESS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tfa-el3-spmc", "hafnium", "optee"})
    @DisplayName("the NS bit (attributes bit 6) is MBZ in a send: INVALID_PARAMETERS")
    void nsBit(String profile) {
        MemoryWalk walk = new MemoryWalk(profile);
        MemoryTransaction ns = new MemoryTransaction(NWD, MemoryAttributes.of(0x6F), TransactionFlags.NONE, 0, 0,
                SHARE_TO_SP1.receivers(), SHARE_TO_SP1.region(), DescriptorLayout.V1_2);
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(ns)), "INVALID_PARAMETERS");
    }

    @ParameterizedTest(name = "{0}: {1} with flags 0x{2} -> {3}")
    @CsvSource({"tfa-el3-spmc, SHARE, 8, SUCCESS", "tfa-el3-spmc, SHARE, 10, INVALID_PARAMETERS",
            "tfa-el3-spmc, LEND, 10, SUCCESS", "tfa-el3-spmc, LEND, 1, INVALID_PARAMETERS",
            "tfa-el3-spmc, SHARE, 2, INVALID_PARAMETERS",
            "hafnium, SHARE, 1, INVALID_PARAMETERS", "hafnium, LEND, 1, SUCCESS", "hafnium, LEND, 2, INVALID_PARAMETERS",
            "hafnium, SHARE, 8, INVALID_PARAMETERS", "hafnium, LEND, 4, INVALID_PARAMETERS",
            "optee, SHARE, 1, SUCCESS", "optee, SHARE, 100, INVALID_PARAMETERS"})
    @DisplayName("send flags: TF-A takes 0 or exactly the type; Hafnium only zero-memory (not on SHARE);"
            + " OP-TEE only the low byte")
    void flags(String profile, TransactionType type, String flags, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        MemoryTransaction descriptor = withFlags(send(type, NWD, NWD_RW, 1, to(SP1, AccessPermissions.RW)),
                Integer.parseInt(flags, 16));
        long function = type == TransactionType.SHARE ? SHARE_32 : LEND_32;
        assertOutcome(walk.sendRaw(NWD, function, TransactionDescriptorEncoder.encode(descriptor)), expected);
    }

    @Test
    @DisplayName("Hafnium zeroes lent memory the sender asked to zero: a ZEROED effect on the region")
    void zeroOnLend() {
        MemoryWalk walk = new MemoryWalk("hafnium");
        MemoryTransaction lend = withFlags(send(TransactionType.LEND, NWD, NWD_RW, 2, to(SP1, AccessPermissions.RW)), 1);
        byte[] bytes = TransactionDescriptorEncoder.encode(lend);
        FfaPrediction sent = walk.call(NWD, new long[] {LEND_32, bytes.length, bytes.length}, bytes);
        assertThat(sent.effects()).containsExactly(new MemoryEffect(NWD_RW, 2, MemoryEffect.Kind.ZEROED,
                MemoryRules.ZERO_ON_SEND));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, INVALID_PARAMETERS", "hafnium, INVALID_PARAMETERS", "optee, INVALID_PARAMETERS"})
    @DisplayName("a receiver in the secure world must be a known partition: INVALID_PARAMETERS")
    void unknownPartition(String profile, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        MemoryTransaction stranger = send(TransactionType.SHARE, NWD, NWD_RW, 1,
                to(EndpointId.of(0x8009), AccessPermissions.RW));
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(stranger)), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tfa-el3-spmc", "hafnium"})
    @DisplayName("a receiver named twice is INVALID_PARAMETERS")
    void duplicateReceiver(String profile) {
        MemoryWalk walk = new MemoryWalk(profile);
        MemoryTransaction twice = send(TransactionType.SHARE, NWD, NWD_RW, 1, to(SP1, AccessPermissions.RW),
                to(SP1, AccessPermissions.RO));
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(twice)), "INVALID_PARAMETERS");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, SUCCESS", "hafnium, DENIED"})
    @DisplayName("lending to a normal-world endpoint: TF-A leaves normal-world receivers to the hypervisor,"
            + " Hafnium lends only to partitions (DENIED)")
    void lendToNormalWorld(String profile, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        MemoryTransaction toVm = send(TransactionType.LEND, NWD, NWD_RW, 1, to(EndpointId.of(1), AccessPermissions.RW));
        assertOutcome(walk.sendRaw(NWD, LEND_32, TransactionDescriptorEncoder.encode(toVm)), expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, SUCCESS", "hafnium, INVALID_PARAMETERS"})
    @DisplayName("three borrowers: Hafnium supports at most MAX_MEM_SHARE_RECIPIENTS = 2 (INVALID_PARAMETERS)")
    void threeBorrowers(String profile, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        MemoryTransaction three = send(TransactionType.SHARE, NWD, NWD_RW, 1, to(SP1, AccessPermissions.RW),
                to(SP2, AccessPermissions.RW), to(EndpointId.of(1), AccessPermissions.RW));
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(three)), expected);
    }

    @Test
    @DisplayName("Hafnium: FFA_MEM_DONATE names exactly one borrower (INVALID_PARAMETERS for two)")
    void donateToTwo() {
        MemoryWalk walk = new MemoryWalk("hafnium");
        MemoryTransaction two = send(TransactionType.DONATE, NWD, NWD_RW, 1, to(SP1, AccessPermissions.NOT_SPECIFIED),
                to(SP2, AccessPermissions.NOT_SPECIFIED));
        assertOutcome(walk.sendRaw(NWD, MemoryWalk.DONATE_32, TransactionDescriptorEncoder.encode(two)),
                "INVALID_PARAMETERS");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, NOT_SUPPORTED", "optee, NOT_SUPPORTED"})
    @DisplayName("FFA_MEM_DONATE is not implemented by TF-A's EL3 SPMC or OP-TEE: NOT_SUPPORTED")
    void donateUnsupported(String profile, String expected) {
        MemoryWalk walk = new MemoryWalk(profile);
        MemoryTransaction donate = send(TransactionType.DONATE, NWD, NWD_RW, 1, to(SP1, AccessPermissions.NOT_SPECIFIED));
        assertOutcome(walk.sendRaw(NWD, MemoryWalk.DONATE_32, TransactionDescriptorEncoder.encode(donate)), expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, SUCCESS", "hafnium, SUCCESS"})
    @DisplayName("a v1.0 caller sends a v1.0 descriptor (32-byte header, 8-bit attributes)")
    void version1_0(String profile, String expected) {
        MemoryWalk walk = new MemoryWalk(profile, 0x1_0000L);
        MemoryTransaction v10 = SHARE_TO_SP1.withLayout(DescriptorLayout.V1_0);
        assertOutcome(walk.sendRaw(NWD, SHARE_32, TransactionDescriptorEncoder.encode(v10)), expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, SUCCESS", "hafnium, INVALID_PARAMETERS"})
    @DisplayName("32-byte EMADs from a v1.1 caller: Hafnium checks the size against the version, TF-A only that"
            + " it is at least 16 and aligned")
    void emadSizeForVersion(String profile, String expected) {
        MemoryWalk walk = new MemoryWalk(profile, 0x1_0001L);
        assertOutcome(walk.sendRaw(NWD, SHARE_32, SHARE_BYTES), expected);
    }
}
