package org.fwcts.harness.simulated;

import java.util.HexFormat;
import java.util.List;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;

/**
 * The simulated normal-world machine: the agent's memory commands on simulated RAM, with the
 * access the firmware model grants where the topology says hardware enforces it, and SMCs to
 * the simulated firmware.
 */
final class SimulatedMachine {
    /** Where the simulated agent's own code "runs", reported as ELR in faults. */
    private static final long AGENT_CODE = 0x6000_1000L;
    /** HVC at EL2 is taken at EL2 itself: an exception from the HVC instruction (EC 0x16). */
    private static final long HVC_TRAP = 0x5A00_0000L;
    private static final int MAX_BYTES = 256;

    private final SimulatedFirmware firmware;
    private final SimulatedCore core;

    SimulatedMachine(SimulatedMemory memory, SimulatedFirmware firmware, EndpointId self) {
        this.firmware = firmware;
        this.core = new SimulatedCore(memory, firmware, self, AGENT_CODE);
    }

    /** An agent for each guest VM, when the machine runs a hypervisor with an FF-A mediator. */
    java.util.Map<EndpointId, org.fwcts.harness.pipeline.AgentChannel> vmAgents() {
        java.util.Map<EndpointId, org.fwcts.harness.pipeline.AgentChannel> agents = new java.util.LinkedHashMap<>();
        for (EndpointId vm : firmware.vms()) {
            agents.put(vm, new SimulatedVmAgent(vm, firmware));
        }
        return java.util.Map.copyOf(agents);
    }

    /** The lines the machine's partitions print at boot, before the agent starts. */
    List<String> partitionBootLines() {
        return firmware.partitionBootLines();
    }

    long[] call(String verb, long[] leading) {
        if (verb.equals("hvc")) {
            throw new SimulatedFault(HVC_TRAP, 0, AGENT_CODE);
        }
        return firmware.smc(Registers.of(leading)).toArray();
    }

    List<String> memoryCommand(String verb, List<String> args) {
        switch (verb) {
            case "rd": {
                long[] a = SimulatedAgent.numbers(args, 2, 2);
                return List.of(SimulatedAgent.hex(core.load(a[1], aligned(a[0], a[1]))));
            }
            case "wr": {
                long[] a = SimulatedAgent.numbers(args, 3, 3);
                core.store(a[1], aligned(a[0], a[1]), a[2]);
                return List.of();
            }
            case "rdb": {
                long[] a = SimulatedAgent.numbers(args, 2, 2);
                return List.of(HexFormat.of().formatHex(core.read(a[0], length(a[1]))));
            }
            case "wrb": {
                if (args.size() != 2 || args.get(1).length() % 2 != 0) {
                    throw new SimulatedAgent.ProtocolError("args");
                }
                byte[] bytes = HexFormat.of().parseHex(args.get(1));
                length(bytes.length);
                core.write(SimulatedAgent.number(args.get(0)), bytes);
                return List.of();
            }
            case "fill": {
                long[] a = SimulatedAgent.numbers(args, 3, 3);
                core.fill(a[0], a[1], (byte) a[2]);
                return List.of();
            }
            case "hash": {
                long[] a = SimulatedAgent.numbers(args, 2, 2);
                return List.of(SimulatedAgent.hex(core.hash(a[0], a[1])));
            }
            case "exec": {
                long[] a = SimulatedAgent.numbers(args, 1, 2);
                return List.of(SimulatedAgent.hex(core.execute(a[0], a.length > 1 ? a[1] : 0)));
            }
            default:
                throw new SimulatedAgent.ProtocolError("verb");
        }
    }

    /** The access width, checked, for an access at {@code address} that must be aligned to it. */
    private static int aligned(long value, long address) {
        if (value != 1 && value != 2 && value != 4 && value != 8) {
            throw new SimulatedAgent.ProtocolError("range");
        }
        if (address % value != 0) {
            throw new SimulatedAgent.ProtocolError("align");
        }
        return (int) value;
    }

    private static int length(long value) {
        if (value < 1 || value > MAX_BYTES) {
            throw new SimulatedAgent.ProtocolError("range");
        }
        return (int) value;
    }
}
