package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.HexBytes.zeros;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.HexBytes;
import org.fwcts.model.ffa.Mailbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The retrieve response each profile writes to the retriever's RX buffer (DEN0077A,
 * "FFA_MEM_RETRIEVE_RESP"), written out byte by byte, and how a differing observation is reported.
 */
@DisplayName("The retrieve response in the RX buffer")
class RetrieveResponseTests {
    private static final long PAGE = 0x8000_0000L;
    private static final long TAG = 0x1234;

    /** NWD shares one page with SP1 (RW, tag 0x1234) in {@code layout}; SP1 retrieves asking RW. */
    private static FfaPrediction shareAndRetrieve(MemoryWalk walk, DescriptorLayout layout) {
        MemoryTransaction share = send(TransactionType.SHARE, NWD, PAGE, 1, to(SP1, AccessPermissions.RW));
        share = new MemoryTransaction(NWD, share.attributes(), share.flags(), 0, TAG, share.receivers(), share.region(),
                layout);
        long handle = walk.send(NWD, SHARE_32, share);
        return walk.retrieve(SP1, new MemoryTransaction(NWD, MemoryAttributes.NOT_SPECIFIED, TransactionFlags.NONE,
                handle, TAG, List.of(to(SP1, AccessPermissions.RW)), Optional.empty(), layout));
    }

    private static final String CONSTITUENT = "0000008000000000";

    @Test
    @DisplayName("TF-A writes the sender's descriptor back: handle, SHARE type (0x08) and the NS bit (0x40) filled in,"
            + " tag and the sender's permissions (0x02) kept")
    void tfaV1_2() {
        FfaPrediction retrieved = shareAndRetrieve(new MemoryWalk("tfa-el3-spmc"), DescriptorLayout.V1_2);
        byte[] expected = HexBytes.of("0000", "6f00", "08000000", "c0ffffff00000000", "3412000000000000",
                "20000000", "01000000", "30000000", zeros(12),
                "0180", "02", "00", "50000000", zeros(16), zeros(8),
                "01000000", "01000000", zeros(8),
                CONSTITUENT, "01000000", zeros(4));
        assertRegister(retrieved.registers(), 1, 112);
        assertRegister(retrieved.registers(), 2, 112);
        assertThat(retrieved.rx().orElseThrow().encode()).isEqualTo(expected);
    }

    @Test
    @DisplayName("Hafnium writes one EMAD, the retriever's, with the permissions granted (RW+NX = 0x06), tag 0 and"
            + " the NS bit for normal-world memory")
    void hafniumV1_2() {
        FfaPrediction retrieved = shareAndRetrieve(new MemoryWalk("hafnium"), DescriptorLayout.V1_2);
        byte[] expected = HexBytes.of("0000", "6f00", "08000000", "0000000000000000", "0000000000000000",
                "20000000", "01000000", "30000000", zeros(12),
                "0180", "06", "00", "50000000", zeros(16), zeros(8),
                "01000000", "01000000", zeros(8),
                CONSTITUENT, "01000000", zeros(4));
        assertThat(retrieved.rx().orElseThrow().encode()).isEqualTo(expected);
    }

    @Test
    @DisplayName("TF-A answers a v1.0 partition in the v1.0 layout with the NS bit clear")
    void tfaV1_0() {
        FfaPrediction retrieved = shareAndRetrieve(new MemoryWalk("tfa-el3-spmc", 0x1_0000L), DescriptorLayout.V1_0);
        byte[] expected = HexBytes.of("0000", "2f", "00", "08000000", "c0ffffff00000000", "3412000000000000",
                "00000000", "01000000",
                "0180", "02", "00", "30000000", zeros(8),
                "01000000", "01000000", zeros(8),
                CONSTITUENT, "01000000", zeros(4));
        assertRegister(retrieved.registers(), 1, 80);
        assertThat(retrieved.rx().orElseThrow().encode()).isEqualTo(expected);
    }

    @Test
    @DisplayName("Hafnium answers a v1.0 partition in the v1.0 layout, NS bit set")
    void hafniumV1_0() {
        FfaPrediction retrieved = shareAndRetrieve(new MemoryWalk("hafnium", 0x1_0000L), DescriptorLayout.V1_0);
        byte[] expected = HexBytes.of("0000", "6f", "00", "08000000", "0000000000000000", "0000000000000000",
                "00000000", "01000000",
                "0180", "06", "00", "30000000", zeros(8),
                "01000000", "01000000", zeros(8),
                CONSTITUENT, "01000000", zeros(4));
        assertThat(retrieved.rx().orElseThrow().encode()).isEqualTo(expected);
    }

    @Test
    @DisplayName("the response is delivered: the retriever owns its RX buffer until FFA_RX_RELEASE")
    void rxOwnership() {
        MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");
        shareAndRetrieve(walk, DescriptorLayout.V1_2);
        Mailbox mailbox = walk.state().endpoint(SP1).mailbox().orElseThrow();
        assertThat(mailbox.rxFull()).isTrue();
        assertThat(mailbox.contents()).containsInstanceOf(RetrieveResponse.class);
    }

    @Test
    @DisplayName("an observed response that differs is reported field by field: a missing NS bit names the attributes")
    void differencesByField() {
        FfaPrediction retrieved = shareAndRetrieve(new MemoryWalk("hafnium"), DescriptorLayout.V1_2);
        byte[] observed = retrieved.rx().orElseThrow().encode();
        assertThat(retrieved.rx().get().differences(observed)).isEmpty();
        observed[2] = 0x2F;
        observed[50] = 0x0A;
        assertThat(retrieved.rx().get().differences(observed)).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("RX attributes: expected 0x6f"))
                .anySatisfy(line -> assertThat(line).startsWith("RX emad[0].permissions: expected RW+NX, got RW+X"));
    }

    @Test
    @DisplayName("a difference in bytes no field holds (a reserved byte) is reported by offset")
    void differencesByOffset() {
        FfaPrediction retrieved = shareAndRetrieve(new MemoryWalk("hafnium"), DescriptorLayout.V1_2);
        byte[] observed = retrieved.rx().orElseThrow().encode();
        observed[108] = 1;
        assertThat(retrieved.rx().get().differences(observed)).anySatisfy(line -> assertThat(line)
                .startsWith("RX byte 108: expected 0x0, got 0x1"));
    }
}
