package org.fwcts.harness.simulated;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.session.VmHost;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunningTarget;

/**
 * A running simulated machine: its agent serves the console on a thread of this JVM until the
 * target is closed.
 */
final class SimulatedTarget implements RunningTarget, VmHost {
    private static final int PIPE_BYTES = 1 << 16;
    private final PipedOutputStream toAgent = new PipedOutputStream();
    private final PipedInputStream fromAgent = new PipedInputStream(PIPE_BYTES);
    private final Thread agentThread;
    private final Map<String, String> identity;
    private final Map<EndpointId, AgentChannel> vms;

    SimulatedTarget(SimulatedMachine machine, Map<String, String> identity) {
        this.identity = Map.copyOf(identity);
        this.vms = machine.vmAgents();
        try {
            PipedInputStream agentInput = new PipedInputStream(toAgent, PIPE_BYTES);
            PipedOutputStream agentOutput = new PipedOutputStream(fromAgent);
            agentThread = new Thread(new SimulatedAgent(agentInput, agentOutput, machine), "simulated-agent");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        agentThread.setDaemon(true);
        agentThread.start();
    }

    @Override
    public List<ConsoleEndpoint> consoles() {
        return List.of(new ConsoleEndpoint.ProcessStdio("agent", fromAgent, toAgent));
    }

    @Override
    public Map<EndpointId, AgentChannel> vmAgents() {
        return vms;
    }

    @Override
    public boolean isAlive() {
        return agentThread.isAlive();
    }

    /** What the simulation is: its profile and deviations, in place of image hashes. */
    @Override
    public Map<String, String> imageHashes() {
        return identity;
    }

    @Override
    public String diagnostics() {
        return "simulated target (no emulator output): " + identity;
    }

    @Override
    public void close() {
        try {
            toAgent.close();
        } catch (IOException e) {
            // Already closed: nothing left to stop.
        }
        agentThread.interrupt();
    }
}
