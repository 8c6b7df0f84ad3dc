package org.fwcts.harness.simulated;

import java.util.zip.CRC32;
import org.fwcts.model.ffa.EndpointId;

/**
 * One endpoint's view of simulated memory: loads, stores and execution, each checked against
 * the access the firmware model grants where hardware enforces it, faulting as the CPU would.
 */
final class SimulatedCore {
    private static final int MOVZ_X0_MASK = 0xFF80_001F;
    private static final int MOVZ_X0 = 0xD280_0000;
    private static final int RET = 0xD65F_03C0;
    private static final int MAX_INSTRUCTIONS = 64;

    private final SimulatedMemory memory;
    private final SimulatedFirmware firmware;
    private final EndpointId self;
    private final long codeAddress;

    /**
     * @param codeAddress where the endpoint's own code runs, reported as ELR for data faults
     */
    SimulatedCore(SimulatedMemory memory, SimulatedFirmware firmware, EndpointId self, long codeAddress) {
        this.memory = memory;
        this.firmware = firmware;
        this.self = self;
        this.codeAddress = codeAddress;
    }

    long load(long address, int width) {
        check(address, width, Access.READ);
        return memory.load(address, width);
    }

    void store(long address, int width, long value) {
        check(address, width, Access.WRITE);
        memory.store(address, width, value);
    }

    byte[] read(long address, int length) {
        check(address, length, Access.READ);
        return memory.read(address, length);
    }

    void write(long address, byte[] bytes) {
        check(address, bytes.length, Access.WRITE);
        memory.write(address, bytes);
    }

    void fill(long address, long length, byte value) {
        check(address, length, Access.WRITE);
        for (long i = 0; i < length; i++) {
            memory.write(address + i, value);
        }
    }

    /** CRC-32 of the bytes, 0 for none (the agents' {@code hash}). */
    long hash(long address, long length) {
        check(address, length, Access.READ);
        CRC32 crc = new CRC32();
        for (long i = 0; i < length; i++) {
            crc.update(memory.read(address + i));
        }
        return length == 0 ? 0 : crc.getValue();
    }

    /** Runs the few instructions tests place in memory: {@code movz x0, #imm{, lsl #n}} and {@code ret}. */
    long execute(long address, long x0) {
        long pc = address;
        long result = x0;
        for (int i = 0; i < MAX_INSTRUCTIONS; i++) {
            check(pc, 4, Access.EXECUTE);
            int instruction = (int) memory.load(pc, 4);
            if (instruction == RET) {
                return result;
            }
            if ((instruction & MOVZ_X0_MASK) == MOVZ_X0) {
                result = ((long) (instruction >>> 5) & 0xFFFF) << (16 * ((instruction >>> 21) & 3));
                pc += 4;
                continue;
            }
            throw new SimulatedFault(SimulatedFault.UNDEFINED_INSTRUCTION, 0, pc);
        }
        throw new SimulatedFault(SimulatedFault.UNDEFINED_INSTRUCTION, 0, pc);
    }

    private void check(long address, long length, Access access) {
        if (!memory.contains(address, length)) {
            throw fault(access, address, SimulatedFault.DATA_ABORT_UNMAPPED);
        }
        long end = address + length;
        for (long page = address & ~(SimulatedMemory.PAGE - 1L); page < end; page += SimulatedMemory.PAGE) {
            long at = Math.max(page, address);
            if (!firmware.permits(self, at, access)) {
                throw fault(access, at, SimulatedFault.DATA_ABORT_PERMISSION);
            }
        }
    }

    private SimulatedFault fault(Access access, long address, long dataSyndrome) {
        if (access == Access.EXECUTE) {
            return new SimulatedFault(SimulatedFault.INSTRUCTION_ABORT_PERMISSION, address, address);
        }
        long write = access == Access.WRITE ? SimulatedFault.WRITE_NOT_READ : 0;
        return new SimulatedFault(dataSyndrome | write, address, codeAddress);
    }

    /** A kind of memory access. */
    enum Access {
        READ,
        WRITE,
        EXECUTE
    }
}
