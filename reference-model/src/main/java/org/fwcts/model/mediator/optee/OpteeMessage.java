package org.fwcts.model.mediator.optee;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.HostMemory;

/**
 * struct optee_msg_arg (optee_msg.h), byte-exact and little-endian: a 32-byte header (cmd, func,
 * session, cancel_id, pad, ret, ret_origin, num_params, each u32) followed by {@code num_params}
 * 32-byte struct optee_msg_param (attr u64, then value a/b/c, tmem buf_ptr/size/shm_ref or rmem
 * offs/size/shm_ref, each u64).
 */
public record OpteeMessage(int cmd, int func, int session, int cancelId, int pad, int ret, int retOrigin,
        List<Param> params, int declaredParams) {
    public static final int HEADER = 32;
    public static final int PARAM = 32;
    /** OPTEE_MSG_NONCONTIG_PAGE_SIZE: the buffer's alignment and the most Xen copies. */
    public static final int PAGE = 4096;

    public static final int CMD_OPEN_SESSION = 0;
    public static final int CMD_INVOKE_COMMAND = 1;
    public static final int CMD_CLOSE_SESSION = 2;
    public static final int CMD_CANCEL = 3;
    public static final int CMD_REGISTER_SHM = 4;
    public static final int CMD_UNREGISTER_SHM = 5;

    public static final long ATTR_NONE = 0x0;
    public static final long ATTR_VALUE_INPUT = 0x1;
    public static final long ATTR_VALUE_OUTPUT = 0x2;
    public static final long ATTR_VALUE_INOUT = 0x3;
    public static final long ATTR_RMEM_INPUT = 0x5;
    public static final long ATTR_RMEM_OUTPUT = 0x6;
    public static final long ATTR_RMEM_INOUT = 0x7;
    public static final long ATTR_TMEM_INPUT = 0x9;
    public static final long ATTR_TMEM_OUTPUT = 0xA;
    public static final long ATTR_TMEM_INOUT = 0xB;
    public static final long ATTR_TYPE_MASK = 0xFF;
    public static final long ATTR_META = 1L << 8;
    public static final long ATTR_NONCONTIG = 1L << 9;

    /** GP TEE error codes and origins the mediator and OP-TEE write into {@code ret}/{@code ret_origin}. */
    public static final int TEEC_ERROR_GENERIC = 0xFFFF_0000;
    public static final int TEEC_ERROR_BAD_PARAMETERS = 0xFFFF_0006;
    public static final int TEEC_ERROR_ITEM_NOT_FOUND = 0xFFFF_0008;
    public static final int TEEC_ERROR_NOT_IMPLEMENTED = 0xFFFF_0009;
    public static final int TEEC_ERROR_OUT_OF_MEMORY = 0xFFFF_000C;
    public static final int TEEC_ORIGIN_COMMS = 2;
    public static final int TEEC_ORIGIN_TEE = 3;
    public static final int TEEC_ORIGIN_TRUSTED_APP = 4;

    /** One parameter: its attribute word and its three 64-bit fields. */
    public record Param(long attr, long a, long b, long c) {
        public long type() {
            return attr & ATTR_TYPE_MASK;
        }

        public static Param value(long attr, long a, long b, long c) {
            return new Param(attr, a, b, c);
        }

        public static Param none() {
            return new Param(ATTR_NONE, 0, 0, 0);
        }
    }

    public OpteeMessage {
        params = List.copyOf(params);
    }

    /** A message of {@code cmd} with {@code params}, everything else zero. */
    public static OpteeMessage of(int cmd, int func, int session, List<Param> params) {
        return new OpteeMessage(cmd, func, session, 0, 0, 0, 0, params, params.size());
    }

    /** OPTEE_MSG_GET_ARG_SIZE(num_params). */
    public static long sizeFor(long numParams) {
        return HEADER + PARAM * (numParams & 0xFFFF_FFFFL);
    }

    public int size() {
        return HEADER + PARAM * params.size();
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER + PARAM * params.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(cmd).putInt(func).putInt(session).putInt(cancelId).putInt(pad).putInt(ret).putInt(retOrigin)
                .putInt(declaredParams);
        for (Param p : params) {
            out.putLong(p.attr()).putLong(p.a()).putLong(p.b()).putLong(p.c());
        }
        return out.array();
    }

    /**
     * Reads a message from {@code bytes}: its header and as many parameters as {@code num_params}
     * names and the bytes hold (a page holds at most 127).
     */
    public static OpteeMessage decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] h = new int[8];
        for (int i = 0; i < 8; i++) {
            h[i] = in.getInt();
        }
        List<Param> params = new ArrayList<>();
        long declared = h[7] & 0xFFFF_FFFFL;
        for (long i = 0; i < declared && in.remaining() >= PARAM; i++) {
            params.add(new Param(in.getLong(), in.getLong(), in.getLong(), in.getLong()));
        }
        return new OpteeMessage(h[0], h[1], h[2], h[3], h[4], h[5], h[6], params, h[7]);
    }

    /** The message the caller wrote at {@code address}, if it wrote the header and the parameters it declares there. */
    public static Optional<OpteeMessage> read(HostMemory memory, long address) {
        Optional<byte[]> header = memory.read(address, HEADER);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        long declared = ByteBuffer.wrap(header.get()).order(ByteOrder.LITTLE_ENDIAN).getInt(28) & 0xFFFF_FFFFL;
        if (sizeFor(declared) > PAGE) {
            // Xen refuses such a message on its header alone.
            return header.map(OpteeMessage::decode);
        }
        return memory.read(address, (int) sizeFor(declared)).map(OpteeMessage::decode);
    }

    public OpteeMessage withResult(int newRet, int newOrigin, int newSession) {
        return new OpteeMessage(cmd, func, newSession, cancelId, pad, newRet, newOrigin, params, declaredParams);
    }

    public OpteeMessage withParams(List<Param> changed) {
        return new OpteeMessage(cmd, func, session, cancelId, pad, ret, retOrigin, changed, declaredParams);
    }

    public OpteeMessage withDeclaredParams(int count) {
        return new OpteeMessage(cmd, func, session, cancelId, pad, ret, retOrigin, params, count);
    }

    /** The UUID of an OPEN_SESSION's first parameter, as 16 octets (value.a then value.b, little-endian in memory). */
    public Optional<byte[]> openSessionUuid() {
        if (params.isEmpty() || params.get(0).attr() != (ATTR_VALUE_INPUT | ATTR_META)) {
            return Optional.empty();
        }
        ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(params.get(0).a()).putLong(params.get(0).b());
        return Optional.of(out.array());
    }

    /** OPEN_SESSION's parameters for {@code uuid} (16 octets), public login, then {@code extra}. */
    public static List<Param> openSessionParams(byte[] uuid, List<Param> extra) {
        ByteBuffer in = ByteBuffer.wrap(uuid).order(ByteOrder.LITTLE_ENDIAN);
        List<Param> params = new ArrayList<>();
        params.add(new Param(ATTR_VALUE_INPUT | ATTR_META, in.getLong(), in.getLong(), 0));
        params.add(new Param(ATTR_VALUE_INPUT | ATTR_META, 0, 0, 0));
        params.addAll(extra);
        return params;
    }
}
