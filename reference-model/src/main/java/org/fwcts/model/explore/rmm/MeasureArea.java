package org.fwcts.model.explore.rmm;

import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.Rec;
import org.fwcts.model.rmm.RsiFunction;

/**
 * The agent realm's measurements: RSI_MEASUREMENT_EXTEND of REM 1 to 4 with 8 or 64 bytes, and
 * RSI_MEASUREMENT_READ of the RIM and the REMs (read back, so an extend that changes nothing shows);
 * near misses: extending the RIM or an index past REM 4, more than 64 bytes.
 */
final class MeasureArea extends RmmArea {

    MeasureArea() {
        super("measure", "extend", "read");
    }

    @Override
    void propose(RmmWorld world, EndpointId host, Proposals proposals) {
        if (world.agentRec().map(Rec::stage).orElse(null) != Rec.Stage.WAITING) {
            return;
        }
        for (int index = 1; index <= 4; index++) {
            proposals.add(0.3, action(host, "extend", "index", String.valueOf(index), "size", "8"));
            proposals.add(0.1, action(host, "extend", "index", String.valueOf(index), "size", "64"));
            proposals.add(0.4, action(host, "read", "index", String.valueOf(index)));
        }
        proposals.add(0.1, action(host, "extend", "index", "0", "size", "8"));
        proposals.add(0.1, action(host, "extend", "index", "5", "size", "8"));
        proposals.add(0.1, action(host, "extend", "index", "1", "size", "65"));
        proposals.add(0.1, action(host, "read", "index", "5"));
    }

    @Override
    void concretise(Action action, RmmWorld world, RmmCalls calls) {
        int index = number(action, "index");
        if (action.kind().equals("read")) {
            calls.rsi(RsiFunction.RSI_MEASUREMENT_READ, index);
            return;
        }
        long[] args = new long[10];
        args[0] = index;
        args[1] = number(action, "size");
        for (int i = 2; i < args.length; i++) {
            args[i] = 0x1111_1111_1111_1111L * (i - 1) ^ index;
        }
        calls.rsi(RsiFunction.RSI_MEASUREMENT_EXTEND, args);
    }
}
