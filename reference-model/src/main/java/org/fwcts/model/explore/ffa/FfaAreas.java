package org.fwcts.model.explore.ffa;

import java.util.List;
import org.fwcts.model.explore.AreaGenerator;

/** The FF-A areas explore draws from, from the normal world and from each partition. */
public final class FfaAreas {

    private FfaAreas() {
    }

    /** A new set of the FF-A generators (they keep per-run caches, so a run takes its own). */
    public static List<AreaGenerator> all() {
        return List.of(new DiscoveryArea(), new RxTxArea(), new PartitionInfoArea(), new MemoryArea(),
                new DirectArea(), new NotificationArea(), new MemoryAccessArea());
    }
}
