package org.fwcts.harness.simulated;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.memory.AccessMap;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.model.ffa.memory.TransactionType;

/**
 * A retrieve of lent or donated memory grants execute permission because the sender's
 * instruction access was NOT_SPECIFIED: the retrieve response says X and the borrower can
 * execute there (Hafnium's behaviour before commit 7cd5eb31).
 */
final class ExecuteOnNotSpecified implements Deviation {
    /** v1.0 layout: EMADs at 32, 16 bytes each; v1.1+: offset @32 and size @24 in the header. */
    private static final int V1_0_HEADER = 32;
    private static final int INSTRUCTION_BITS = 0b1100;
    private static final int EXECUTE = 0b1000;

    @Override
    public String name() {
        return "execute-on-not-specified";
    }

    @Override
    public String description() {
        return "a retrieve of lent or donated memory grants execute when the sender left instruction access"
                + " NOT_SPECIFIED";
    }

    @Override
    public Answer apply(FfaCall call, FfaState before, Answer conforming) {
        if (!Deviation.calls(call, FfaFunction.FFA_MEM_RETRIEVE_REQ)
                || !Deviation.answers(conforming.registers(), FfaFunction.FFA_MEM_RETRIEVE_RESP) || conforming.rx().isEmpty()) {
            return conforming;
        }
        ByteBuffer request = call.txBuffer();
        long handle = request.getLong(8);
        TransactionRecord record = before.memory().transaction(handle).orElse(null);
        if (record == null || record.type() == TransactionType.SHARE) {
            return conforming;
        }
        byte[] rx = conforming.rx().get().clone();
        markExecutable(rx, call);
        AccessMap access = conforming.next().memory().access();
        for (Constituent constituent : record.region().constituents()) {
            PageAccess had = access.access(call.caller(), constituent.address());
            access = access.with(call.caller(), constituent.address(), constituent.pageCount(),
                    new PageAccess(had.read(), had.write(), true));
        }
        FfaState next = conforming.next().withMemory(conforming.next().memory().withAccess(access));
        return conforming.withRx(rx).withNext(next);
    }

    /** Sets instruction access X in the retriever's EMAD of the response. */
    private static void markExecutable(byte[] rx, FfaCall call) {
        ByteBuffer response = ByteBuffer.wrap(rx).order(ByteOrder.LITTLE_ENDIAN);
        boolean v10 = response.getInt(24) == 0 && response.getInt(32) == 0;
        int emadSize = v10 ? 16 : response.getInt(24);
        int first = v10 ? V1_0_HEADER : response.getInt(32);
        int count = response.getInt(28);
        for (int i = 0; i < count; i++) {
            int emad = first + i * emadSize;
            if (emad + 3 <= rx.length && (response.getShort(emad) & 0xFFFF) == call.caller().value()) {
                rx[emad + 2] = (byte) ((rx[emad + 2] & ~INSTRUCTION_BITS) | EXECUTE);
            }
        }
    }
}
