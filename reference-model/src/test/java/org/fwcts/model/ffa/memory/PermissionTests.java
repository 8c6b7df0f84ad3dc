package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.DONATE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.LEND_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD;
import static org.fwcts.model.ffa.memory.MemoryWalk.NWD_RW;
import static org.fwcts.model.ffa.memory.MemoryWalk.SHARE_32;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP1_RW;
import static org.fwcts.model.ffa.memory.MemoryWalk.SP2;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertOutcome;
import static org.fwcts.model.ffa.memory.MemoryWalk.assertRetrieveResp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a retrieve resolves permissions (ffa-memory.md §4, DEN0077A v1.2 "Memory access permissions";
 * Hafnium since commit dcad899f): the permissions byte in the response and the access the borrower
 * gets, or the refusal. TF-A resolves nothing: the borrower gets what the sender offered.
 */
@DisplayName("Retrieve permissions")
class PermissionTests {

    /**
     * NWD sends one page with {@code function} to SP1 (and SP2 when {@code borrowers} is 2), offering
     * {@code offered}; SP1 asks for {@code asked} (the same for SP2).
     */
    private static FfaPrediction retrieve(MemoryWalk walk, long function, int borrowers, int offered, int asked) {
        TransactionType type = function == SHARE_32 ? TransactionType.SHARE
                : function == LEND_32 ? TransactionType.LEND : TransactionType.DONATE;
        List<EndpointAccess> offers = new ArrayList<>();
        List<EndpointAccess> asks = new ArrayList<>();
        for (EndpointId borrower : borrowers == 1 ? List.of(SP1) : List.of(SP1, SP2)) {
            offers.add(to(borrower, AccessPermissions.decode(offered)));
            asks.add(to(borrower, AccessPermissions.decode(asked)));
        }
        long handle = walk.send(NWD, function, send(type, NWD, NWD_RW, 1, offers.toArray(EndpointAccess[]::new)));
        return walk.retrieve(SP1, new MemoryTransaction(NWD, MemoryAttributes.NOT_SPECIFIED, TransactionFlags.NONE,
                handle, 0, asks, Optional.empty(), DescriptorLayout.V1_2));
    }

    @ParameterizedTest(name = "Hafnium {0} to {1}, offered 0x{2}, asked 0x{3} -> {4} ({5})")
    @CsvSource({
            "SHARE, 1, 02, 00, 06, RW", "SHARE, 1, 02, 02, 06, RW", "SHARE, 1, 02, 01, 05, R",
            "SHARE, 1, 01, 00, 05, R", "SHARE, 1, 01, 02, DENIED, none",
            "SHARE, 1, 02, 06, INVALID_PARAMETERS, none", "SHARE, 1, 02, 0a, INVALID_PARAMETERS, none",
            "LEND, 1, 02, 06, 06, RW", "LEND, 1, 02, 05, 05, R", "LEND, 1, 01, 06, DENIED, none",
            "LEND, 1, 02, 02, INVALID_PARAMETERS, none", "LEND, 1, 02, 0a, INVALID_PARAMETERS, none",
            "LEND, 2, 02, 02, 06, RW", "LEND, 2, 02, 00, 06, RW", "LEND, 2, 02, 06, INVALID_PARAMETERS, none",
            "DONATE, 1, 00, 04, 06, RW", "DONATE, 1, 00, 06, 06, RW", "DONATE, 1, 00, 05, 05, R",
            "DONATE, 1, 00, 00, INVALID_PARAMETERS, none", "DONATE, 1, 00, 08, INVALID_PARAMETERS, none"})
    @DisplayName("data access: asked no more than offered, the offer when not asked; instruction access: unspecified"
            + " for SHARE and several borrowers (NX), X or NX for one borrower of LEND or DONATE, X refused on"
            + " normal-world memory")
    void hafniumTable(String type, int borrowers, String offered, String asked, String granted, String access) {
        MemoryWalk walk = new MemoryWalk("hafnium");
        long function = type.equals("SHARE") ? SHARE_32 : type.equals("LEND") ? LEND_32 : DONATE_32;
        FfaPrediction retrieved = retrieve(walk, function, borrowers, Integer.parseInt(offered, 16),
                Integer.parseInt(asked, 16));
        if (granted.length() > 2) {
            assertOutcome(retrieved.registers(), granted);
            assertThat(walk.access(SP1, NWD_RW)).isEqualTo(PageAccess.NONE);
            return;
        }
        assertRetrieveResp(retrieved.registers());
        assertThat(retrieved.rx().orElseThrow().encode()[50]).as("EMAD permissions byte")
                .isEqualTo((byte) Integer.parseInt(granted, 16));
        assertThat(walk.access(SP1, NWD_RW).toString()).isEqualTo(access);
    }

    @ParameterizedTest(name = "TF-A {0}, offered 0x{1}, asked 0x{2}: response 0x{1}, access {3}")
    @CsvSource({"SHARE, 02, 05, RW", "SHARE, 01, 02, R", "LEND, 02, 0a, RW", "SHARE, 00, 00, RW"})
    @DisplayName("TF-A neither checks nor resolves what the retriever asks: the response repeats the sender's"
            + " permissions and the borrower's access follows them, never X")
    void tfaEchoesOffer(String type, String offered, String asked, String access) {
        MemoryWalk walk = new MemoryWalk("tfa-el3-spmc");
        FfaPrediction retrieved = retrieve(walk, type.equals("SHARE") ? SHARE_32 : LEND_32, 1,
                Integer.parseInt(offered, 16), Integer.parseInt(asked, 16));
        assertRetrieveResp(retrieved.registers());
        assertThat(retrieved.rx().orElseThrow().encode()[50]).isEqualTo((byte) Integer.parseInt(offered, 16));
        assertThat(walk.access(SP1, NWD_RW).toString()).isEqualTo(access);
    }

    @Test
    @DisplayName("Hafnium: between partitions, a single LEND borrower asking X gets executable memory (explicit X)")
    void explicitExecuteBetweenPartitions() {
        MemoryWalk walk = new MemoryWalk("hafnium");
        long handle = walk.send(SP1, LEND_32, send(TransactionType.LEND, SP1, SP1_RW, 1, to(SP2, AccessPermissions.RW)));
        FfaPrediction retrieved = walk.retrieve(SP2, new MemoryTransaction(SP1, MemoryAttributes.NOT_SPECIFIED,
                TransactionFlags.NONE, handle, 0, List.of(to(SP2, AccessPermissions.of(DataAccess.RW, InstructionAccess.X))),
                Optional.empty(), DescriptorLayout.V1_2));
        assertRetrieveResp(retrieved.registers());
        assertThat(retrieved.rx().orElseThrow().encode()[50]).isEqualTo((byte) 0x0A);
        assertThat(walk.access(SP2, SP1_RW)).isEqualTo(PageAccess.RWX);
    }
}
