package org.fwcts.harness.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.harness.pipeline.ConcurrentAgentChannel;
import org.fwcts.harness.pipeline.MemoryRegion;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Observed;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.VmMailbox;

/**
 * The agent of one simulated guest VM with two vCPUs, in this JVM: its SMCs reach the simulated
 * mediator as that VM's, its TX and RX buffers are in the VM's own RAM. A simulation, not a
 * conformance result.
 */
final class SimulatedVmAgent implements ConcurrentAgentChannel {
    /** The pages the simulated agent sets aside for structures its calls pass by address, in its own RAM. */
    private static final CallMemory.Window SCRATCH = new CallMemory.Window(0x7800_0000L, 32 * 4096);

    private final EndpointId vm;
    private final SimulatedFirmware firmware;

    SimulatedVmAgent(EndpointId vm, SimulatedFirmware firmware) {
        this.vm = vm;
        this.firmware = firmware;
    }

    @Override
    public EndpointId endpoint() {
        return vm;
    }

    @Override
    public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength) {
        if (conduit != Conduit.SMC) {
            return Observed.direct(new Observation.Indeterminate("a simulated VM's agent calls with SMC only"),
                    Optional.empty());
        }
        synchronized (firmware) {
            Optional<VmMailbox> mailbox = firmware.vmMailbox(vm);
            if (tx.length > 0) {
                if (mailbox.isEmpty()) {
                    return Observed.direct(new Observation.Indeterminate(vm + " has no TX buffer mapped"), Optional.empty());
                }
                firmware.guestMemory(vm).write(mailbox.get().txAddress(), tx);
            }
            Registers results = firmware.vmSmc(vm, call);
            Optional<VmMailbox> after = firmware.vmMailbox(vm);
            Optional<byte[]> rx = rxLength == 0 || after.isEmpty() ? Optional.empty()
                    : Optional.of(firmware.guestMemory(vm).read(after.get().rxAddress(), rxLength));
            return Observed.direct(new Observation.Completed(results), rx);
        }
    }

    @Override
    public Optional<CallMemory.Window> scratchArea() {
        return Optional.of(SCRATCH);
    }

    /** Writes {@code memory}'s regions into the VM's RAM, makes the call, and reads its windows back. */
    @Override
    public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength, CallMemory memory) {
        synchronized (firmware) {
            SimulatedMemory ram = firmware.guestMemory(vm);
            for (MemoryRegion region : memory.writes()) {
                if (!ram.contains(region.address(), region.bytes().length)) {
                    return Observed.direct(new Observation.Indeterminate("0x" + Long.toHexString(region.address())
                            + " is not in " + vm + "'s RAM"), Optional.empty());
                }
                ram.write(region.address(), region.bytes());
            }
            Observed observed = invoke(conduit, call, tx, rxLength);
            if (!(observed.observation() instanceof Observation.Completed)) {
                return observed;
            }
            List<MemoryRegion> back = new ArrayList<>();
            for (CallMemory.Window window : memory.reads()) {
                if (!ram.contains(window.address(), window.length())) {
                    return Observed.direct(new Observation.Indeterminate("0x" + Long.toHexString(window.address())
                            + " is not in " + vm + "'s RAM"), Optional.empty());
                }
                back.add(new MemoryRegion(window.address(), ram.read(window.address(), window.length())));
            }
            return observed.withMemoryOut(back);
        }
    }

    /** A simulated VM's vCPUs share its RAM and its mediator: the call is the same from either. */
    @Override
    public Observed invokeOnVcpu(int vcpu, Conduit conduit, Registers call, CallMemory memory) {
        if (vcpu < 0 || vcpu > 1) {
            return Observed.direct(new Observation.Indeterminate("a simulated VM has vCPUs 0 and 1, not " + vcpu),
                    Optional.empty());
        }
        return invoke(conduit, call, new byte[0], 0, memory);
    }

    @Override
    public List<Observed> invokeTogether(Conduit conduit, Registers onVcpu0, Registers onVcpu1) {
        if (conduit != Conduit.SMC) {
            Observed refused = Observed.direct(new Observation.Indeterminate("a simulated VM's agent calls with SMC only"),
                    Optional.empty());
            return List.of(refused, refused);
        }
        List<Observed> observed = new ArrayList<>();
        for (Registers results : firmware.vmSmcTogether(vm, onVcpu0, onVcpu1)) {
            observed.add(Observed.direct(new Observation.Completed(results), Optional.empty()));
        }
        return observed;
    }
}
