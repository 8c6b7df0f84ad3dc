package org.fwcts.testcases.support;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.model.rmm.RecOperationHost;
import org.fwcts.model.rmm.RmiFunction;
import org.opentest4j.TestAbortedException;

/**
 * REC_CREATE and REC_DESTROY in the RMI ABI of the model's profile, every call judged. Under RMI 1.0 the REC
 * parameters list the auxiliary granules; under 2.0 (TF-RMM v0.9.0) both commands start a stateful operation that
 * asks for the auxiliary granules (RMI_OP_MEM_DONATE from an address list), creates the REC on RMI_OP_CONTINUE,
 * and gives granules back (RMI_OP_MEM_RECLAIM into the list) before it ends with its status.
 */
public final class RecLifecycle {
    private static final int GRANULE = 4096;

    private RecLifecycle() {
    }

    /** REC parameters: flags (bit 0 RUNNABLE), MPIDR, entry at {@code pc}; under RMI 1.0 the auxiliary granules too. */
    public static byte[] params(RmmHost host, long flags, long mpidr, long pc, long[] aux) {
        ByteBuffer params = ByteBuffer.allocate(GRANULE).order(ByteOrder.LITTLE_ENDIAN);
        params.putLong(0, flags).putLong(0x100, mpidr).putLong(0x200, pc);
        if (!host.model().profile().recCreateByDonation()) {
            params.putLong(0x800, aux.length);
            for (int i = 0; i < aux.length && i < 16; i++) {
                params.putLong(0x808 + 8 * i, aux[i]);
            }
        }
        return params.array();
    }

    /**
     * Creates REC {@code rec} of realm {@code rd} from {@code params} written at {@code paramsAddress}; under RMI 2.0
     * the {@code aux} granules are donated from an address list at {@code list} and the operation is carried to its
     * end. Returns the last call, whose status is the command's.
     */
    public static CallCheck create(RmmHost host, long rd, long rec, long paramsAddress, byte[] params, long[] aux,
            long list) {
        if (!host.model().profile().recCreateByDonation()) {
            return judged(host.call(RmmHost.writing(paramsAddress, params), RmiFunction.RMI_REC_CREATE, rd, rec,
                    paramsAddress));
        }
        CallCheck started = judged(host.call(RmiFunction.RMI_REC_CREATE, rd, rec, paramsAddress));
        return carryOn(host, started, RecOperationHost.creating(x(started, 1), list, aux, paramsAddress, params));
    }

    /** Destroys REC {@code rec}; under RMI 2.0 its auxiliary granules come back through an address list at {@code list}. */
    public static CallCheck destroy(RmmHost host, long rec, long list) {
        CallCheck started = judged(host.call(RmiFunction.RMI_REC_DESTROY, rec));
        if (!host.model().profile().recCreateByDonation()) {
            return started;
        }
        return carryOn(host, started, RecOperationHost.destroying(x(started, 1), list));
    }

    /** Answers each INCOMPLETE as it asks (donate, reclaim or continue) until the operation ends. */
    private static CallCheck carryOn(RmmHost host, CallCheck started, RecOperationHost operation) {
        CallCheck last = started;
        for (int step = 0; step < RecOperationHost.MAX_CALLS && RecOperationHost.incomplete(x(last, 0)); step++) {
            RecOperationHost.HostCall call = operation.next(x(last, 0));
            last = judged(host.raw(call.registers(), call.write().map(w -> RmmHost.writing(w.address(), w.bytes()))
                    .orElse(CallMemory.NONE)));
        }
        if (RecOperationHost.incomplete(x(last, 0))) {
            throw new TestAbortedException("the operation still asks for more after " + RecOperationHost.MAX_CALLS
                    + " steps");
        }
        return last;
    }

    private static CallCheck judged(CallCheck check) {
        assertThatCall(check).matchesModel();
        return check;
    }

    private static long x(CallCheck check, int index) {
        if (!(check.observation() instanceof Observation.Completed completed)) {
            throw new TestAbortedException("the RMM did not answer " + check);
        }
        return completed.registers().x(index);
    }
}
