package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.memory.MemoryDescriptors.send;
import static org.fwcts.model.ffa.memory.MemoryDescriptors.to;
import static org.fwcts.model.ffa.memory.MemoryWalk.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebugPrintTests {
    @Test
    void print() {
        for (String p : new String[] {"tfa-el3-spmc", "hafnium"}) {
            MemoryWalk walk = new MemoryWalk(p, 0x10000L);
            MemoryTransaction share = send(TransactionType.SHARE, NWD, 0x80000000L, 1, to(SP1, AccessPermissions.RW)).withLayout(DescriptorLayout.V1_0);
            long h = walk.send(NWD, SHARE_32, share);
            MemoryTransaction req = new MemoryTransaction(NWD, MemoryAttributes.NOT_SPECIFIED, TransactionFlags.NONE,
                h, 0, List.of(to(SP1, AccessPermissions.RW)), Optional.empty(), DescriptorLayout.V1_0);
            System.out.println(p + " retrieve: " + walk.retrieve(SP1, req).summary());
        }
    }
}
