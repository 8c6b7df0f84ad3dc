package org.fwcts.model.explore.rmm;

import java.util.List;
import org.fwcts.model.explore.AreaGenerator;

/** The RMM areas explore draws from: RMI from the host, RSI from the agent realm. */
public final class RmmAreas {

    private RmmAreas() {
    }

    public static List<AreaGenerator> all() {
        return List.of(new GranuleArea(), new RealmArea(), new RttArea(), new DataArea(), new RecArea(),
                new RipasArea(), new RsiArea(), new MeasureArea(), new AttestArea());
    }
}
