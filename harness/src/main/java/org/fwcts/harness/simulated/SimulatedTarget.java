package org.fwcts.harness.simulated;

import java.util.List;
import java.util.Map;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.session.VmHost;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunningTarget;

/**
 * A running simulated machine: its agent answers on the console, in the caller's thread, until
 * the target is closed.
 */
final class SimulatedTarget implements RunningTarget, VmHost {
    private final InProcessLink link;
    private final Map<String, String> identity;
    private final Map<EndpointId, AgentChannel> vms;

    SimulatedTarget(SimulatedMachine machine, Map<String, String> identity) {
        this.identity = Map.copyOf(identity);
        this.vms = machine.vmAgents();
        this.link = new InProcessLink(new SimulatedAgent(machine));
    }

    @Override
    public List<ConsoleEndpoint> consoles() {
        return List.of(new ConsoleEndpoint.ProcessStdio("agent", link.input(), link.output()));
    }

    @Override
    public Map<EndpointId, AgentChannel> vmAgents() {
        return vms;
    }

    @Override
    public boolean isAlive() {
        return link.isOpen();
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
        link.close();
    }
}
