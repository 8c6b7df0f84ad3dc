package org.fwcts.harness.simulated;

import java.util.HashMap;
import java.util.Map;
import org.fwcts.harness.partition.DirectMessageKind;
import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;

/**
 * The partition agents of the simulated machine: each serves direct requests with the command
 * set of firmware-images/sp-agent (PROTOCOL.md) and answers with the matching direct response,
 * which goes through the SPMC model like any other call.
 */
final class PartitionSimulation {
    /** Where the simulated partitions' images sit in secure RAM, one 1 MiB slot each. */
    private static final long IMAGE_BASE = 0x0E10_0000L;
    private static final long IMAGE_SLOT = 0x10_0000L;
    private static final int BUFFER_PAGES = 4;
    /** Protocol 2.0, role 2 (partition), as the real agent's {@code info} answers. */
    private static final int AGENT_VERSION = 0x0002_0002;

    private final SimulatedFirmware firmware;
    private final Map<EndpointId, PartitionAgentState> agents = new HashMap<>();

    PartitionSimulation(SimulatedFirmware firmware) {
        this.firmware = firmware;
    }

    /**
     * The partition {@code receiver} runs with {@code request} in its registers; returns what the
     * endpoint that control finally comes back to sees.
     */
    Registers deliver(EndpointId receiver, Registers request) {
        DirectMessageKind kind = DirectMessageKind.ofRequest(request.x(0)).orElse(null);
        if (kind == null) {
            // Not a direct request (FFA_RUN, say): the agent waits again, as the real one does.
            return firmware.ffaCall(FfaCall.of(receiver, Registers.of(FfaFunction.FFA_MSG_WAIT.x0())));
        }
        PartitionAgentState agent = agents.computeIfAbsent(receiver, this::newAgent);
        long[] payload = kind.payload(request);
        long[] results = new long[kind.payloadCount()];
        PartitionStatus status;
        try {
            status = agent.run(payload, results, kind);
        } catch (SimulatedFault fault) {
            java.util.Arrays.fill(results, 0);
            results[1] = fault.esr();
            results[2] = fault.far();
            results[3] = fault.elr();
            status = PartitionStatus.FAULT;
        }
        results[0] = status.header((int) (payload[0] & 0xFF), receiver.value());
        int requester = (int) ((request.x(1) >>> 16) & 0xFFFF);
        Registers response = kind.message(kind.responseFunction(), receiver.value(), requester, results);
        // A direct response reads no TX buffer.
        return firmware.ffaCall(FfaCall.of(receiver, response));
    }

    private PartitionAgentState newAgent(EndpointId id) {
        int index = agents.size();
        long image = IMAGE_BASE + index * IMAGE_SLOT;
        SimulatedCore core = new SimulatedCore(firmware.memory(), firmware, id, image);
        return new PartitionAgentState(id, core, firmware, image, BUFFER_PAGES, AGENT_VERSION);
    }
}
