package org.fwcts.harness.simulated;

import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.harness.partition.PayloadBytes;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;

/**
 * One simulated partition agent: its staged and result registers, its RX/TX buffers, and the
 * bodies of its commands, checked as the real agent checks them (sp-agent/cmd.c).
 */
final class PartitionAgentState {
    private static final int REGISTERS = Registers.COUNT;
    private final EndpointId id;
    private final SimulatedCore core;
    private final SimulatedFirmware firmware;
    private final long image;
    private final long tx;
    private final long rx;
    private final int bufferPages;
    private final int version;
    private long[] staged = new long[REGISTERS];
    private long[] result = new long[REGISTERS];

    PartitionAgentState(EndpointId id, SimulatedCore core, SimulatedFirmware firmware, long image, int bufferPages,
            int version) {
        this.id = id;
        this.core = core;
        this.firmware = firmware;
        this.image = image;
        this.tx = image + 0x1_0000L;
        this.rx = tx + (long) bufferPages * SimulatedMemory.PAGE;
        this.bufferPages = bufferPages;
        this.version = version;
    }

    /** Runs the command in {@code p}, writing results from r[1]; returns the status. */
    PartitionStatus run(long[] p, long[] r, DirectMessageKind kind) {
        if ((p[0] >>> 32) != 0) {
            return PartitionStatus.RANGE;
        }
        PartitionCommand command = PartitionCommand.of((int) (p[0] & 0xFF)).orElse(null);
        if (command == null) {
            return PartitionStatus.UNKNOWN;
        }
        int a = (int) ((p[0] >>> 8) & 0xFF);
        int b = (int) ((p[0] >>> 16) & 0xFF);
        int flags = (int) ((p[0] >>> 24) & 0xFF);
        int width = kind.bytesPerRegister();
        switch (command) {
            case PING:
                System.arraycopy(p, 1, r, 1, p.length - 1);
                return PartitionStatus.OK;
            case INFO:
                return info(r);
            case FFA_SET:
                return stage(p, a, b, flags);
            case FFA_CALL:
                return call(p, r, a, flags);
            case FFA_GET:
                return results(r, a);
            case TX_WRITE:
            case RX_READ:
                return buffer(command, p, r, a, width);
            case RXTX_MAP:
                return map(r, a, flags);
            case MEM_READ:
            case MEM_WRITE:
                return memory(command, p, r, a, b, width);
            case MEM_FILL:
                if (p[3] > 0xFF) {
                    return PartitionStatus.RANGE;
                }
                core.fill(p[1], p[2], (byte) p[3]);
                return PartitionStatus.OK;
            case MEM_HASH:
                r[1] = core.hash(p[1], p[2]);
                return PartitionStatus.OK;
            default:
                r[1] = core.execute(p[1], p[2]);
                return PartitionStatus.OK;
        }
    }

    private PartitionStatus info(long[] r) {
        long[] values = {version, tx, rx, bufferPages, image, image + 0xF_0000L, 0, 0};
        for (int i = 0; i < values.length && i + 1 < r.length; i++) {
            r[i + 1] = values[i];
        }
        return PartitionStatus.OK;
    }

    private PartitionStatus stage(long[] p, int first, int count, int flags) {
        if (first >= REGISTERS || count > p.length - 1 || first + count > REGISTERS) {
            return PartitionStatus.RANGE;
        }
        if ((flags & PartitionCommand.FLAG_CLEAR) != 0) {
            staged = new long[REGISTERS];
        }
        System.arraycopy(p, 1, staged, first, count);
        return PartitionStatus.OK;
    }

    private PartitionStatus call(long[] p, long[] r, int count, int flags) {
        PartitionStatus staging = stage(p, 0, count, flags);
        if (staging != PartitionStatus.OK) {
            return staging;
        }
        Registers call = Registers.of(staged);
        result = firmware.ffaCall(new FfaCall(id, call, firmware.txFor(id, call))).toArray();
        return results(r, 0);
    }

    private PartitionStatus results(long[] r, int first) {
        if (first >= REGISTERS) {
            return PartitionStatus.RANGE;
        }
        for (int i = 1; i < r.length; i++) {
            r[i] = first + i - 1 < REGISTERS ? result[first + i - 1] : 0;
        }
        return PartitionStatus.OK;
    }

    private PartitionStatus buffer(PartitionCommand command, long[] p, long[] r, int count, int width) {
        boolean write = command == PartitionCommand.TX_WRITE;
        int room = (write ? p.length - 2 : r.length - 1) * width;
        long size = (long) bufferPages * SimulatedMemory.PAGE;
        if (count == 0 || count > room || p[1] > size || count > size - p[1]) {
            return PartitionStatus.RANGE;
        }
        for (int i = 0; i < count; i++) {
            if (write) {
                firmware.memory().write(tx + p[1] + i, PayloadBytes.get(p, 2, width, i));
            } else {
                PayloadBytes.put(r, 1, width, i, firmware.memory().read(rx + p[1] + i));
            }
        }
        return PartitionStatus.OK;
    }

    private PartitionStatus map(long[] r, int pages, int flags) {
        if (pages > bufferPages || (flags & ~PartitionCommand.FLAG_SMC32) != 0) {
            return PartitionStatus.RANGE;
        }
        long function = (flags & PartitionCommand.FLAG_SMC32) != 0 ? FfaFunction.FFA_RXTX_MAP.x0() : FfaFunction.FFA_RXTX_MAP.x0Smc64();
        Registers call = Registers.of(function, tx, rx, pages == 0 ? 1 : pages);
        result = firmware.ffaCall(FfaCall.of(id, call)).toArray();
        r[1] = result[0];
        r[2] = result[2];
        r[3] = tx;
        r[4] = rx;
        return PartitionStatus.OK;
    }

    private PartitionStatus memory(PartitionCommand command, long[] p, long[] r, int count, int accessWidth,
            int payloadWidth) {
        boolean write = command == PartitionCommand.MEM_WRITE;
        int width = accessWidth == 0 ? 1 : accessWidth;
        int room = (write ? p.length - 2 : r.length - 1) * payloadWidth;
        if ((width != 1 && width != 2 && width != 4 && width != 8) || count == 0 || count > room || count % width != 0) {
            return PartitionStatus.RANGE;
        }
        if (p[1] % width != 0) {
            return PartitionStatus.ALIGN;
        }
        if (write) {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++) {
                bytes[i] = PayloadBytes.get(p, 2, payloadWidth, i);
            }
            core.write(p[1], bytes);
        } else {
            byte[] bytes = core.read(p[1], count);
            for (int i = 0; i < count; i++) {
                PayloadBytes.put(r, 1, payloadWidth, i, bytes[i]);
            }
        }
        return PartitionStatus.OK;
    }
}
