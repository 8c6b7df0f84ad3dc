package org.fwcts.model.rmm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.fwcts.model.MemoryWrite;
import org.fwcts.model.Registers;

/**
 * The host's side of a REC_CREATE or REC_DESTROY operation under RMI 2.0: after each INCOMPLETE, the call that
 * answers what the RMM asks for (TF-RMM v0.9.0 {@code sro.c}): RMI_OP_MEM_DONATE of the {@code aux} granules from an
 * address list written at {@code list}, RMI_OP_MEM_RECLAIM into that list, else RMI_OP_CONTINUE, which writes the REC
 * parameters {@code params} at {@code paramsAddress} again when there are any (a REC_CREATE).
 */
public final class RecOperationHost {
    private static final long REQ_DONATE = 1;
    private static final long REQ_RECLAIM = 2;
    /** RMI_OP_MEM_RECLAIM's room: entries of the address list the RMM may fill in one call. */
    private static final long RECLAIM_ENTRIES = 16;
    /** A few more calls than a donation, a failed continue, a reclaim and the last continue take. */
    public static final int MAX_CALLS = 8;

    private final long handle;
    private final long list;
    private final long[] aux;
    private final long paramsAddress;
    private final Optional<byte[]> params;

    private RecOperationHost(long handle, long list, long[] aux, long paramsAddress, Optional<byte[]> params) {
        this.handle = handle;
        this.list = list;
        this.aux = aux.clone();
        this.paramsAddress = paramsAddress;
        this.params = params.map(byte[]::clone);
    }

    /** The host of the operation REC_CREATE started with handle {@code handle} (x1 of its INCOMPLETE). */
    public static RecOperationHost creating(long handle, long list, long[] aux, long paramsAddress, byte[] params) {
        return new RecOperationHost(handle, list, aux, paramsAddress, Optional.of(params));
    }

    /** The host of the operation REC_DESTROY started, its granules reclaimed into {@code list}. */
    public static RecOperationHost destroying(long handle, long list) {
        return new RecOperationHost(handle, list, new long[0], 0, Optional.empty());
    }

    /** Whether {@code x0} says the operation awaits the host. */
    public static boolean incomplete(long x0) {
        return (x0 & 0xFF) == RmiStatus.INCOMPLETE.code();
    }

    /** The call answering {@code x0}, an INCOMPLETE whose memory request is in bits [9:8]. */
    public HostCall next(long x0) {
        long request = (x0 >>> 8) & 3;
        if (request == REQ_DONATE) {
            return new HostCall(Registers.of(RmiFunction.RMI_OP_MEM_DONATE.id(), handle, list, aux.length),
                    Optional.of(new MemoryWrite(list, addressList(aux))));
        }
        if (request == REQ_RECLAIM) {
            return new HostCall(Registers.of(RmiFunction.RMI_OP_MEM_RECLAIM.id(), handle, list, RECLAIM_ENTRIES),
                    Optional.empty());
        }
        return new HostCall(Registers.of(RmiFunction.RMI_OP_CONTINUE.id(), handle, 0),
                params.map(bytes -> new MemoryWrite(paramsAddress, bytes)));
    }

    /** One RmiAddrRangeDesc4KB per granule: its address, count 1 in [11:2], 4 KiB, delegated. */
    private static byte[] addressList(long[] granules) {
        ByteBuffer list = ByteBuffer.allocate(8 * Math.max(1, granules.length)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < granules.length; i++) {
            list.putLong(8 * i, granules[i] | 1L << 2);
        }
        return list.array();
    }

    /** A call of the host: its registers and the normal-world memory it writes first, if any. */
    public record HostCall(Registers registers, Optional<MemoryWrite> write) {
    }
}
