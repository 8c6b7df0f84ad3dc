package org.fwcts.harness.simulated;

import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.memory.AccessMap;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.memory.TransactionRecord;

/**
 * After a successful FFA_MEM_RECLAIM the owner gets read, write and execute access to the
 * region, whatever it had before the send: the bug a real SPMC once had (Hafnium before
 * commit 2a0d2889).
 */
final class RwxAfterReclaim implements Deviation {

    @Override
    public String name() {
        return "rwx-after-reclaim";
    }

    @Override
    public String description() {
        return "FFA_MEM_RECLAIM gives the owner RWX access instead of restoring its original access";
    }

    @Override
    public Answer apply(FfaCall call, FfaState before, Answer conforming) {
        if (!Deviation.calls(call, FfaFunction.FFA_MEM_RECLAIM)
                || !Deviation.answers(conforming.registers(), FfaFunction.FFA_SUCCESS)) {
            return conforming;
        }
        long handle = (call.x(1) & 0xFFFF_FFFFL) | call.x(2) << 32;
        TransactionRecord record = before.memory().transaction(handle).orElse(null);
        if (record == null) {
            return conforming;
        }
        AccessMap access = conforming.next().memory().access();
        for (Constituent constituent : record.region().constituents()) {
            access = access.with(record.sender(), constituent.address(), constituent.pageCount(), PageAccess.RWX);
        }
        return conforming.withNext(conforming.next().withMemory(conforming.next().memory().withAccess(access)));
    }
}
