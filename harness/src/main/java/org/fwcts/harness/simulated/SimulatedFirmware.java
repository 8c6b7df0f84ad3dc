package org.fwcts.harness.simulated;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.Registers;
import org.fwcts.model.firmware.Expected;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.firmware.FfaCalls;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.Mailbox;
import org.fwcts.model.ffa.MemoryEffect;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.ffa.OwnedRange;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.mediator.MediatorState;
import org.fwcts.model.mediator.VmMailbox;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.smccc.FunctionId;

/**
 * The firmware of the simulated machine: the reference model answering as a conforming
 * implementation of the profile would, then rewritten by the injected deviations.
 *
 * <p>FF-A calls go to the SPMC model with the caller's TX buffer read from simulated memory and
 * RX contents and memory effects written back to it; other calls go to the firmware model.
 */
final class SimulatedFirmware {
    private static final long NOT_SUPPORTED = 0xFFFF_FFFF_FFFF_FFFFL;
    private static final long FFA_ERROR = FfaFunction.FFA_ERROR.x0();
    private static final long FFA_NOT_SUPPORTED = 0xFFFF_FFFFL;
    private static final long FFA_ID_GET = 0x8400_0069L;
    private static final long FFA_SUCCESS_32 = 0x8400_0061L;

    private final FirmwareModel firmware;
    private final Optional<SpmcModel> spmc;
    private final List<Deviation> deviations;
    private final SimulatedMemory memory;
    private final FfaCalls ffaRange = new FfaCalls();
    private final PartitionSimulation partitions;
    private final Map<EndpointId, SimulatedMemory> guestMemory = new HashMap<>();
    private ModelState state = ModelState.freshBoot();
    private final Optional<RmmSimulation> rmm;
    private final Optional<OpteeSimulation> optee;

    SimulatedFirmware(Profile profile, List<Deviation> deviations, SimulatedMemory memory) {
        this.firmware = new FirmwareModel(profile);
        this.spmc = firmware.spmc();
        this.deviations = List.copyOf(deviations);
        this.memory = memory;
        this.partitions = new PartitionSimulation(this);
        firmware.mediator().ifPresent(mediator -> {
            // Each guest has its own RAM; the first is the one the console agent runs in.
            for (EndpointId vm : mediator.setup().ids()) {
                guestMemory.put(vm, vm.equals(firmware.normalWorld()) ? memory
                        : new SimulatedMemory(memory.base(), memory.size()));
            }
        });
        this.rmm = firmware.rmm().map(model -> new RmmSimulation(model, deviations, memory));
        org.fwcts.model.mediator.optee.OpteeDepartures departures = org.fwcts.model.mediator.optee.OpteeDepartures.NONE;
        for (Deviation deviation : deviations) {
            if (deviation instanceof OpteeDeviation departure) {
                departures = departure.departs().apply(departures);
            }
        }
        org.fwcts.model.mediator.optee.OpteeDepartures injected = departures;
        this.optee = firmware.optee().map(mediator -> new OpteeSimulation(mediator.setup(), injected));
        firmware.optee().ifPresent(mediator -> {
            for (EndpointId vm : mediator.setup().ids()) {
                guestMemory.put(vm, vm.equals(firmware.normalWorld()) ? memory
                        : new SimulatedMemory(memory.base(), memory.size()));
            }
        });
    }

    /** The guest VMs' endpoints, when a mediator runs in front of the SPMC or OP-TEE. */
    List<EndpointId> vms() {
        return firmware.mediator().map(mediator -> mediator.setup().ids())
                .or(() -> firmware.optee().map(mediator -> mediator.setup().ids())).orElse(List.of());
    }

    /** The RAM of guest {@code vm}. */
    SimulatedMemory guestMemory(EndpointId vm) {
        return guestMemory.get(vm);
    }

    /** A guest VM's SMC, with its TX buffer as the VM's RAM holds it. */
    synchronized Registers vmSmc(EndpointId vm, Registers call) {
        if (optee.isPresent() && optee.get().serves(vm, call)) {
            return optee.get().call(vm, call, guestMemory.get(vm));
        }
        return ffaCall(new FfaCall(vm, call, isFfa(call) && readsTx(call) ? vmTx(vm) : new byte[0]));
    }

    /**
     * Two SMCs of guest {@code vm} released together on two of its vCPUs. The mediator serves them
     * one after the other (vCPU 0's first); a mediator deviation may rewrite the state the pair
     * leaves, as a race between them would.
     */
    synchronized List<Registers> vmSmcTogether(EndpointId vm, Registers onVcpu0, Registers onVcpu1) {
        MediatorState before = firmware.mediatorState(state);
        ModelState start = state;
        Registers first = vmSmc(vm, onVcpu0);
        MediatorState afterFirst = firmware.mediatorState(state);
        Registers second = vmSmc(vm, onVcpu1);
        Outcome alone = firmware.predict(start, FfaCall.of(vm, onVcpu1));
        boolean secondAloneLists = alone instanceof Outcome.Predicted predicted
                && firmware.mediatorState(predicted.primary().next(Registers.zero())).timesListed(vm) > before.timesListed(vm);
        MediatorState afterBoth = firmware.mediatorState(state);
        for (Deviation deviation : deviations) {
            if (deviation instanceof MediatorDeviation mediator) {
                afterBoth = mediator.together(vm, before, afterFirst, afterBoth, secondAloneLists);
            }
        }
        state = state.withMediator(afterBoth);
        return List.of(first, second);
    }

    /** The VM's RX/TX pair as the mediator holds it. */
    Optional<VmMailbox> vmMailbox(EndpointId vm) {
        return firmware.mediatorState(state).vm(vm).mailbox();
    }

    private byte[] vmTx(EndpointId vm) {
        return vmMailbox(vm).map(box -> guestMemory.get(vm).read(box.txAddress(), VmMailbox.PAGE)).orElse(new byte[0]);
    }

    private boolean isVm(EndpointId caller) {
        return guestMemory.containsKey(caller);
    }

    /** A VM's call the mediator answers or the SPMC answered for it: RX written to the VM's own RAM. */
    private Registers vmAnswer(FfaCall call, Expected primary) {
        Registers registers = ConformingAnswer.registers(primary.registers(), call.registers());
        state = primary.next(registers);
        for (Deviation deviation : deviations) {
            if (deviation instanceof MediatorDeviation mediator) {
                registers = mediator.answer(call, registers);
            }
        }
        Optional<VmMailbox> mailbox = vmMailbox(call.caller());
        primary.rx().ifPresent(rx -> mailbox.ifPresent(box -> guestMemory.get(call.caller()).write(box.rxAddress(),
                rx.encode())));
        return registers;
    }

    /** The results of an SMC from the normal-world agent. */
    synchronized Registers smc(Registers call) {
        if (rmm.isPresent() && org.fwcts.model.rmm.RmmModel.claims(call.x(0))) {
            ModelState[] holder = {state};
            Registers answer = rmm.get().call(holder, call);
            state = holder[0];
            return answer;
        }
        EndpointId caller = firmware.normalWorld();
        if (isVm(caller)) {
            return vmSmc(caller, call);
        }
        return ffaCall(new FfaCall(caller, call, isFfa(call) ? txFor(caller, call) : new byte[0]));
    }

    /**
     * What each partition agent prints at initialisation: the ID its own FFA_ID_GET returns, as
     * firmware-images/sp-agent does before it first waits (0 when the call fails).
     */
    synchronized List<String> partitionBootLines() {
        List<String> lines = new java.util.ArrayList<>();
        if (spmc.isEmpty()) {
            return lines;
        }
        for (var partition : spmc.get().topology().partitions()) {
            Registers answer = ffaCall(FfaCall.of(partition.id(), Registers.of(FFA_ID_GET)));
            long id = (answer.x(0) & 0xFFFF_FFFFL) == FFA_SUCCESS_32 ? answer.x(2) & 0xFFFF : 0;
            lines.add("fwcts-sp-agent sim-2.0: agent=partition ep=0x" + Long.toHexString(id) + " el=1, waiting for direct requests");
        }
        return lines;
    }

    /**
     * One call from any endpoint, answered and applied as the model predicts it (the same model
     * the harness judges with): a forwarded call runs the receiving partition's simulation until
     * control comes back to a caller.
     */
    synchronized Registers ffaCall(FfaCall call) {
        Outcome outcome = firmware.predict(state, call);
        if (outcome instanceof Outcome.Forwarded forwarded) {
            state = forwarded.next();
            Registers delivered = ConformingAnswer.registers(forwarded.receiverSees(), call.registers());
            if (!forwarded.receiver().isSecure()) {
                // Control comes back to the normal world: these are its results.
                return delivered;
            }
            return partitions.deliver(forwarded.receiver(), delivered);
        }
        if (outcome instanceof Outcome.Unmodelled) {
            return isFfa(call.registers()) ? Registers.of(FFA_ERROR, 0, FFA_NOT_SUPPORTED) : Registers.of(NOT_SUPPORTED);
        }
        Expected primary = ((Outcome.Predicted) outcome).primary();
        if (isVm(call.caller()) && isFfa(call.registers())) {
            return vmAnswer(call, primary);
        }
        Registers registers = ConformingAnswer.registers(primary.registers(), call.registers());
        ModelState next = primary.next(registers);
        if (!isFfa(call.registers()) || next.ffa().isEmpty()) {
            state = next;
            return registers;
        }
        Deviation.Answer answer = new Deviation.Answer(registers, primary.rx().map(RxContents::encode), next.ffa().get());
        for (Deviation deviation : deviations) {
            answer = deviation.apply(call, ffaState(), answer);
        }
        apply(call.caller(), primary.effects(), answer);
        return answer.registers();
    }

    private boolean isFfa(Registers call) {
        return spmc.isPresent() && ffaRange.claims(FunctionId.fromRegister(call.x(0)));
    }

    private void apply(EndpointId caller, List<MemoryEffect> effects, Deviation.Answer answer) {
        Optional<Mailbox> mailbox = ffaState().endpoint(caller).mailbox();
        answer.rx().ifPresent(bytes -> mailbox.ifPresent(box -> memory.write(box.rxAddress(), bytes)));
        for (MemoryEffect effect : effects) {
            memory.zero(effect.base(), (long) effect.pageCount() * SimulatedMemory.PAGE);
        }
        state = state.withFfa(answer.next());
    }

    /**
     * Whether {@code who} may make {@code access} at {@code address}: the model's access map where
     * the topology says hardware enforces it for that endpoint and the page is one the model
     * tracks (memory some endpoint owns in the topology); otherwise everything is allowed, as on
     * a machine with no stage-2 translation for that endpoint.
     */
    synchronized boolean permits(EndpointId who, long address, SimulatedCore.Access access) {
        if (rmm.isPresent() && !rmm.get().normalWorldMay(state, address)) {
            // A granule the RMM holds is in the Realm PAS: the granule protection check faults the access.
            return false;
        }
        if (spmc.isEmpty() || !spmc.get().topology().isEnforced(who) || !tracked(address)) {
            return true;
        }
        PageAccess granted = ffaState().memory().access().access(who, address);
        switch (access) {
            case READ:
                return granted.read();
            case WRITE:
                return granted.write();
            default:
                return granted.execute();
        }
    }

    private boolean tracked(long address) {
        for (OwnedRange range : spmc.orElseThrow().topology().ownedMemory()) {
            if (address >= range.base() && address < range.base() + (long) range.pageCount() * SimulatedMemory.PAGE) {
                return true;
            }
        }
        return false;
    }

    /** The caller's whole TX buffer, as the SPMC would read it. */
    /**
     * The FF-A functions whose handlers read the caller's TX buffer (a memory transaction's
     * descriptor, a relinquish descriptor, a fragment, an indirect message). Only they get a copy of
     * it: the rest leave {@link FfaCall#tx()} empty, as its contract says, and copying a whole TX
     * buffer for every call was most of what a simulated call allocated. A handler that comes to
     * read the TX buffer of another function must add it here.
     */
    private static final java.util.Set<FfaFunction> READS_TX = java.util.EnumSet.of(FfaFunction.FFA_MEM_DONATE,
            FfaFunction.FFA_MEM_LEND, FfaFunction.FFA_MEM_SHARE, FfaFunction.FFA_MEM_RETRIEVE_REQ,
            FfaFunction.FFA_MEM_RELINQUISH, FfaFunction.FFA_MEM_FRAG_TX, FfaFunction.FFA_MSG_SEND2);

    /** What {@code caller}'s TX buffer holds if {@code call} reads it; empty otherwise. */
    byte[] txFor(EndpointId caller, Registers call) {
        return readsTx(call) ? txOf(caller) : new byte[0];
    }

    private static boolean readsTx(Registers call) {
        return FfaFunction.of(FunctionId.fromRegister(call.x(0))).map(READS_TX::contains).orElse(false);
    }

    byte[] txOf(EndpointId caller) {
        return ffaState().endpoint(caller).mailbox()
                .map(box -> memory.read(box.txAddress(), box.sizeBytes()))
                .orElse(new byte[0]);
    }

    FfaState ffaState() {
        return state.ffa().orElseGet(() -> spmc.orElseThrow().freshBoot());
    }

    SimulatedMemory memory() {
        return memory;
    }
}
