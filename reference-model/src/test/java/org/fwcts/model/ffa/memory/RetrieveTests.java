package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.request;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.LEND_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RW;
import static org.fwcts.model.ffa.memory.MemoryWalk.RETRIEVE_REQ_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.RETRIEVE_REQ_64;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP2;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertOutcome;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertRetrieveResp;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.model.prediction.Prediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FFA_MEM_RETRIEVE_REQ: what a retriever must get right, with the error each profile gives (ffa-memory.md §6). */
@DisplayName("FFA_MEM_RETRIEVE_REQ")
class RetrieveTests {
    private static final long TAG = 0x1234;

    /** A walk where NWD shared one page (tag 0x1234) with {@code receivers}; returns the walk, handle in {@link MemoryWalk#handle()}. */
    private static MemoryWalk shared(String profile, TransactionType type, EndpointAccess... receivers) {
        MemoryWalk walk = new MemoryWalk(profile);
        MemoryTransaction descriptor = send(type, NWD, NWD_RW, 1, receivers);
        descriptor = new MemoryTransaction(descriptor.sender(), descriptor.attributes(), descriptor.flags(), 0, TAG,
                descriptor.receivers(), descriptor.region(), descriptor.layout());
        walk.send(NWD, type == TransactionType.SHARE ? SHARE_32 : LEND_32, descriptor);
        return walk;
    }

    private static MemoryTransaction tagged(EndpointId sender, long handle, int flags, EndpointAccess... receivers) {
        return new MemoryTransaction(sender, MemoryAttributes.NOT_SPECIFIED, TransactionFlags.of(flags), handle, TAG,
                List.of(receivers), Optional.empty(), DescriptorLayout.V1_2);
    }

    private static Prediction retrieve(MemoryWalk walk, EndpointId caller, MemoryTransaction request) {
        return walk.retrieve(caller, request).registers();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tfa-el3-spmc", "hafnium"})
    @DisplayName("a normal-world retrieve naming only other receivers is INVALID_PARAMETERS; the hypervisor's form is"
            + " outside the model")
    void fromNormalWorld(String profile) {
        MemoryWalk walk = shared(profile, TransactionType.SHARE, to(SP1, AccessPermissions.RW));
        byte[] naming = TransactionDescriptorEncoder.encode(tagged(NWD, walk.handle(), 0, to(SP1, AccessPermissions.RW)));
        FfaOutcome stranger = walk.peek(NWD, new long[] {RETRIEVE_REQ_32, naming.length, naming.length}, naming);
        assertThat(stranger).isInstanceOf(FfaOutcome.Predicted.class);
        Prediction refused = ((FfaOutcome.Predicted) stranger).primary().registers();
        assertOutcome(refused, "INVALID_PARAMETERS");
        assertThat(refused.rule()).isEqualTo(RetrieveRules.CALLER);

        byte[] hypervisor = TransactionDescriptorEncoder.encode(tagged(NWD, walk.handle(), 0));
        assertThat(walk.peek(NWD, new long[] {RETRIEVE_REQ_32, hypervisor.length, hypervisor.length}, hypervisor))
                .isInstanceOf(FfaOutcome.Unmodelled.class);
    }

    @ParameterizedTest(name = "{0}: w1 = {1}, w2 = {2}, x3 = {3} -> {4}")
    @CsvSource({"tfa-el3-spmc, 80, 64, 0, INVALID_PARAMETERS", "tfa-el3-spmc, 80, 80, 1, INVALID_PARAMETERS",
            "tfa-el3-spmc, 16, 16, 0, INVALID_PARAMETERS", "tfa-el3-spmc, 8192, 8192, 0, INVALID_PARAMETERS",
            "hafnium, 80, 64, 0, INVALID_PARAMETERS", "hafnium, 80, 80, 1, INVALID_PARAMETERS",
            "hafnium, 16, 16, 0, INVALID_PARAMETERS", "hafnium, 8192, 8192, 0, INVALID_PARAMETERS"})
    @DisplayName("a request comes whole (w1 = w2), in the TX buffer (x3 = 0), at least a header and at most the buffer")
    void lengths(String profile, long total, long fragment, long address, String expected) {
        MemoryWalk walk = shared(profile, TransactionType.SHARE, to(SP1, AccessPermissions.RW));
        byte[] bytes = java.util.Arrays.copyOf(TransactionDescriptorEncoder.encode(
                tagged(NWD, walk.handle(), 0, to(SP1, AccessPermissions.RW))), 8192);
        assertOutcome(walk.call(SP1, new long[] {RETRIEVE_REQ_64, total, fragment, address}, bytes).registers(), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tfa-el3-spmc", "hafnium"})
    @DisplayName("a retriever without RX/TX buffers gets INVALID_PARAMETERS")
    void noBuffers(String profile) {
        MemoryWalk walk = shared(profile, TransactionType.SHARE, to(SP1, AccessPermissions.RW));
        walk.unmap(SP1);
        assertOutcome(retrieve(walk, SP1, tagged(NWD, walk.handle(), 0, to(SP1, AccessPermissions.RW))),
                "INVALID_PARAMETERS");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "tfa-el3-spmc, unknown handle, INVALID_PARAMETERS", "hafnium, unknown handle, INVALID_PARAMETERS",
            "tfa-el3-spmc, another sender, INVALID_PARAMETERS", "hafnium, another sender, DENIED",
            "tfa-el3-spmc, another tag, INVALID_PARAMETERS", "hafnium, another tag, INVALID_PARAMETERS",
            "tfa-el3-spmc, NS bit, INVALID_PARAMETERS", "hafnium, NS bit, INVALID_PARAMETERS",
            "tfa-el3-spmc, LEND type for a SHARE, INVALID_PARAMETERS", "hafnium, LEND type for a SHARE, INVALID_PARAMETERS",
            "tfa-el3-spmc, SHARE type, RESP", "hafnium, SHARE type, RESP",
            "tfa-el3-spmc, fewer receivers, INVALID_PARAMETERS", "hafnium, fewer receivers, INVALID_PARAMETERS",
            "tfa-el3-spmc, a stranger in the list, INVALID_PARAMETERS", "hafnium, a stranger in the list, DENIED"})
    @DisplayName("the request must repeat the handle, sender, tag, type and receivers of the transaction")
    void mismatches(String profile, String what, String expected) {
        MemoryWalk walk = shared(profile, TransactionType.SHARE, to(SP1, AccessPermissions.RW), to(SP2, AccessPermissions.RW));
        long handle = walk.handle();
        EndpointAccess sp1 = to(SP1, AccessPermissions.RW);
        EndpointAccess sp2 = to(SP2, AccessPermissions.RW);
        MemoryTransaction request;
        switch (what) {
            case "unknown handle":
                request = tagged(NWD, handle + 7, 0, sp1, sp2);
                break;
            case "another sender":
                request = tagged(EndpointId.of(1), handle, 0, sp1, sp2);
                break;
            case "another tag":
                request = new MemoryTransaction(NWD, MemoryAttributes.NOT_SPECIFIED, TransactionFlags.NONE, handle, TAG + 1,
                        List.of(sp1, sp2), Optional.empty(), DescriptorLayout.V1_2);
                break;
            case "NS bit":
                request = new MemoryTransaction(NWD, MemoryAttributes.of(0x40), TransactionFlags.NONE, handle, TAG,
                        List.of(sp1, sp2), Optional.empty(), DescriptorLayout.V1_2);
                break;
            case "LEND type for a SHARE":
                request = tagged(NWD, handle, 0x10, sp1, sp2);
                break;
            case "SHARE type":
                request = tagged(NWD, handle, 0x08, sp1, sp2);
                break;
            case "fewer receivers":
                request = tagged(NWD, handle, 0, sp1);
                break;
            default:
                request = tagged(NWD, handle, 0, sp1, to(EndpointId.of(0x8009), AccessPermissions.RW));
                break;
        }
        Prediction prediction = retrieve(walk, SP1, request);
        if (expected.equals("RESP")) {
            assertRetrieveResp(prediction);
        } else {
            assertOutcome(prediction, expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tfa-el3-spmc", "hafnium"})
    @DisplayName("only a receiver of the transaction may retrieve it: INVALID_PARAMETERS")
    void notAReceiver(String profile) {
        MemoryWalk walk = shared(profile, TransactionType.SHARE, to(SP1, AccessPermissions.RW));
        assertOutcome(retrieve(walk, SP2, tagged(NWD, walk.handle(), 0, to(SP2, AccessPermissions.RW))),
                "INVALID_PARAMETERS");
    }

    @ParameterizedTest(name = "{0}: second retrieve {1}")
    @CsvSource({"tfa-el3-spmc, RESP", "hafnium, DENIED"})
    @DisplayName("retrieving again without relinquishing: TF-A counts it, Hafnium DENIES it (already mapped)")
    void twice(String profile, String expected) {
        MemoryWalk walk = shared(profile, TransactionType.SHARE, to(SP1, AccessPermissions.RW));
        MemoryTransaction request = tagged(NWD, walk.handle(), 0, to(SP1, AccessPermissions.RW));
        assertRetrieveResp(retrieve(walk, SP1, request));
        walk.releaseRx(SP1);
        Prediction second = retrieve(walk, SP1, request);
        if (expected.equals("RESP")) {
            assertRetrieveResp(second);
        } else {
            assertOutcome(second, expected);
        }
    }

    @ParameterizedTest(name = "{0}: {1} flags 0x{2} -> {3}")
    @CsvSource({
            "tfa-el3-spmc, SHARE, 1, INVALID_PARAMETERS", "tfa-el3-spmc, LEND, 11, INVALID_PARAMETERS",
            "tfa-el3-spmc, LEND, 10, RESP",
            "hafnium, SHARE, 1, INVALID_PARAMETERS", "hafnium, SHARE, 4, INVALID_PARAMETERS",
            "hafnium, LEND, 1, DENIED", "hafnium, LEND, 4, RESP", "hafnium, LEND, 200, INVALID_PARAMETERS",
            "hafnium, LEND, 20, INVALID_PARAMETERS", "hafnium, LEND, 800, INVALID_PARAMETERS",
            "hafnium, LEND, 400, INVALID_PARAMETERS"})
    @DisplayName("request flags: TF-A takes only the type; Hafnium refuses zeroing of shared memory, zeroing the"
            + " sender did not ask for (DENIED), alignment hints, bits [31:11], and the bypass flag with one borrower")
    void flags(String profile, TransactionType type, String flags, String expected) {
        MemoryWalk walk = shared(profile, type, to(SP1, AccessPermissions.RW));
        AccessPermissions asked = profile.equals("hafnium") && type == TransactionType.LEND
                ? AccessPermissions.RW_NX : AccessPermissions.RW;
        Prediction prediction = retrieve(walk, SP1, tagged(NWD, walk.handle(), Integer.parseInt(flags, 16), to(SP1, asked)));
        if (expected.equals("RESP")) {
            assertRetrieveResp(prediction);
        } else {
            assertOutcome(prediction, expected);
        }
    }

    @Test
    @DisplayName("Hafnium: a retriever asking for zeroed memory that the sender asked to zero finds it zeroed")
    void zeroBeforeRetrieve() {
        MemoryWalk walk = new MemoryWalk("hafnium");
        long handle = walk.send(NWD, LEND_32, send(TransactionType.LEND, NWD, NWD_RW, 2, to(SP1, AccessPermissions.RW))
                .withFlags(TransactionFlags.NONE.withZeroMemory(true)));
        MemoryTransaction request = new MemoryTransaction(NWD, MemoryAttributes.NOT_SPECIFIED,
                TransactionFlags.NONE.withZeroMemory(true), handle, 0, List.of(to(SP1, AccessPermissions.RW_NX)),
                Optional.empty(), DescriptorLayout.V1_2);
        FfaPrediction retrieved = walk.retrieve(SP1, request);
        assertRetrieveResp(retrieved.registers());
        assertThat(retrieved.effects()).containsExactly(new MemoryEffect(NWD_RW, 2, MemoryEffect.Kind.ZEROED,
                MemoryRules.ZERO_BEFORE_RETRIEVE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, RESP", "hafnium, INVALID_PARAMETERS"})
    @DisplayName("a retriever may not name address ranges (composite offset non-zero): Hafnium INVALID_PARAMETERS,"
            + " TF-A ignores them")
    void addressRanges(String profile, String expected) {
        MemoryWalk walk = shared(profile, TransactionType.SHARE, to(SP1, AccessPermissions.RW));
        MemoryTransaction request = tagged(NWD, walk.handle(), 0, to(SP1, AccessPermissions.RW))
                .withRegion(Optional.of(CompositeRegion.of(Constituent.of(NWD_RW, 1))));
        Prediction prediction = retrieve(walk, SP1, request);
        if (expected.equals("RESP")) {
            assertRetrieveResp(prediction);
        } else {
            assertOutcome(prediction, expected);
        }
    }

    @ParameterizedTest(name = "Hafnium: request attributes 0x{0} -> {1}")
    @CsvSource({"2f, RESP", "00, RESP", "2e, DENIED", "10, DENIED"})
    @DisplayName("attributes a retriever states must be ones Hafnium maps; unspecified ones are filled in")
    void requestAttributes(String attributes, String expected) {
        MemoryWalk walk = shared("hafnium", TransactionType.SHARE, to(SP1, AccessPermissions.RW));
        MemoryTransaction request = new MemoryTransaction(NWD, MemoryAttributes.of(Integer.parseInt(attributes, 16)),
                TransactionFlags.NONE, walk.handle(), TAG, List.of(to(SP1, AccessPermissions.RW)), Optional.empty(),
                DescriptorLayout.V1_2);
        Prediction prediction = retrieve(walk, SP1, request);
        if (expected.equals("RESP")) {
            assertRetrieveResp(prediction);
        } else {
            assertOutcome(prediction, expected);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"tfa-el3-spmc, RESP", "hafnium, INVALID_PARAMETERS"})
    @DisplayName("attributes bit 7 in a request: Hafnium reads bits [7:6] as the security field (INVALID_PARAMETERS),"
            + " TF-A looks only at the NS bit")
    void securityFieldBit7(String profile, String expected) {
        MemoryWalk walk = shared(profile, TransactionType.SHARE, to(SP1, AccessPermissions.RW));
        MemoryTransaction request = new MemoryTransaction(NWD, MemoryAttributes.of(0x80), TransactionFlags.NONE,
                walk.handle(), TAG, List.of(to(SP1, AccessPermissions.RW)), Optional.empty(), DescriptorLayout.V1_2);
        Prediction prediction = retrieve(walk, SP1, request);
        if (expected.equals("RESP")) {
            assertRetrieveResp(prediction);
        } else {
            assertOutcome(prediction, expected);
        }
    }

    @Test
    @DisplayName("Hafnium: the impdef value of a 32-byte EMAD must repeat the sender's (INVALID_PARAMETERS)")
    void impdef() {
        MemoryWalk walk = shared("hafnium", TransactionType.SHARE, to(SP1, AccessPermissions.RW));
        MemoryTransaction request = tagged(NWD, walk.handle(), 0,
                to(SP1, AccessPermissions.RW).withImpdef(new EndpointAccess.Impdef(1, 0)));
        assertOutcome(retrieve(walk, SP1, request), "INVALID_PARAMETERS");
    }

    @Test
    @DisplayName("while the RX buffer holds a response, another retrieve is refused: TF-A DENIED, Hafnium BUSY")
    void rxFullPerProfile() {
        for (String[] row : new String[][] {{"tfa-el3-spmc", "DENIED"}, {"hafnium", "BUSY"}}) {
            MemoryWalk walk = shared(row[0], TransactionType.SHARE, to(SP1, AccessPermissions.RW),
                    to(SP2, AccessPermissions.RW));
            MemoryTransaction request = tagged(NWD, walk.handle(), 0, to(SP1, AccessPermissions.RW),
                    to(SP2, AccessPermissions.RW));
            assertRetrieveResp(retrieve(walk, SP1, request));
            assertOutcome(retrieve(walk, SP1, request), row[1]);
        }
    }
}
