package org.fwcts.model.firmware;

import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.mediator.MediatorAnswer;
import org.fwcts.model.mediator.MediatorOutcome;
import org.fwcts.model.mediator.MediatorState;
import org.fwcts.model.mediator.XenFfaMediator;
import org.fwcts.model.mediator.optee.OpteeOutcome;
import org.fwcts.model.mediator.optee.OpteeState;
import org.fwcts.model.mediator.optee.XenOpteeMediator;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.rmm.RealmEndpoints;
import org.fwcts.model.rmm.RmmModel;
import org.fwcts.model.rmm.RmmOutcome;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.SmcccRules;

/**
 * The executable reference model of the firmware behind one conduit: given a state and a call,
 * it predicts the result registers and the next state.
 *
 * <p>Deterministic and free of I/O: the same profile, state and call always give the same
 * outcome.
 */
public final class FirmwareModel {
    private final Profile profile;
    private final List<CallFamily> families;
    private final FfaCalls ffaRange = new FfaCalls();
    private final SpmcModel spmc;
    private final XenFfaMediator mediator;
    /** The SPMC's state once the firmware and any hypervisor in front of it have booted. */
    private final FfaState spmcBoot;
    private final RmmModel rmm;
    private final XenOpteeMediator optee;

    public FirmwareModel(Profile profile) {
        this(profile, List.of(new ArchitectureCalls(), new PsciCalls(), new FfaCalls()));
    }

    public FirmwareModel(Profile profile, List<CallFamily> families) {
        this.profile = profile;
        this.families = List.copyOf(families);
        this.spmc = profile.ffa().map(system -> new SpmcModel(system.spmc(), system.topology())).orElse(null);
        if (spmc != null && profile.mediator().isPresent()) {
            HypervisorBoot boot = new HypervisorBoot(spmc, profile.mediator().get().choices().ownVersion());
            this.spmcBoot = boot.state();
            this.mediator = new XenFfaMediator(profile.mediator().get(), boot);
        } else {
            this.spmcBoot = spmc == null ? null : spmc.freshBoot();
            this.mediator = null;
        }
        this.rmm = profile.rmm().map(RmmModel::new).orElse(null);
        this.optee = profile.optee().map(XenOpteeMediator::new).orElse(null);
    }

    /** The hypervisor's OP-TEE mediator, if the profile has one. */
    public java.util.Optional<XenOpteeMediator> optee() {
        return java.util.Optional.ofNullable(optee);
    }

    /** The OP-TEE mediator's state in {@code state}. */
    public OpteeState opteeState(ModelState state) {
        return state.optee().orElse(OpteeState.freshBoot());
    }

    /** The hypervisor's FF-A mediator in front of the SPMC, if the profile has one. */
    public java.util.Optional<XenFfaMediator> mediator() {
        return java.util.Optional.ofNullable(mediator);
    }

    /** The SPMC's state in {@code state}: its boot state until an FF-A call changed it. */
    public FfaState ffaState(ModelState state) {
        return state.ffa().orElse(spmcBoot);
    }

    /**
     * {@code vm} is destroyed (by a toolstack, not by any call): the mediator's teardown, with the
     * SPMC's answers to its reclaims (XEN.FFA.TEARDOWN).
     */
    public ModelState destroyVm(ModelState state, org.fwcts.model.ffa.EndpointId vm) {
        return new VmTeardown(this).destroy(state, vm);
    }

    /** The mediator's later round of reclaims for destroyed {@code vm}'s shares still held (the teardown timer). */
    public ModelState retryTeardown(ModelState state, org.fwcts.model.ffa.EndpointId vm) {
        return new VmTeardown(this).retry(state, vm);
    }

    /** The mediator's state in {@code state}. */
    public MediatorState mediatorState(ModelState state) {
        return state.mediator().orElse(MediatorState.freshBoot());
    }

    /** The RMM model of the profile, if it has an RMM. */
    public java.util.Optional<RmmModel> rmm() {
        return java.util.Optional.ofNullable(rmm);
    }

    /**
     * The endpoint the normal-world agent calls as: the topology's primary normal-world endpoint,
     * or the hypervisor/OS ID when the profile has no FF-A.
     */
    public EndpointId normalWorld() {
        if (spmc == null && optee != null) {
            return optee.setup().ids().get(0);
        }
        return spmc == null ? EndpointId.HYPERVISOR : spmc.topology().primaryNormalWorld();
    }

    /** The SPMC model of the profile's FF-A system, if it has one. */
    public java.util.Optional<SpmcModel> spmc() {
        return java.util.Optional.ofNullable(spmc);
    }

    /**
     * Predicts {@code call} from any endpoint in {@code state}: FF-A calls go to the SPMC model
     * with their caller and TX bytes, the rest to the normal-world conduit's families.
     */
    public Outcome predict(ModelState state, FfaCall call) {
        return predict(state, call, HostMemory.NONE);
    }

    /**
     * Predicts {@code call} knowing the normal-world memory the caller wrote for it: RMI commands
     * read their parameters there. A realm's call (its endpoint is a realm agent's) goes to the
     * RMM model as a command to that realm's agent.
     */
    public Outcome predict(ModelState state, FfaCall call, HostMemory memory) {
        FunctionId id = FunctionId.fromRegister(call.registers().x(0));
        boolean plainId = (call.registers().x(0) >>> Integer.SIZE) == 0 && !id.hasSveHint();
        if (rmm != null) {
            java.util.Optional<Integer> realm = RealmEndpoints.ordinal(call.caller());
            if (realm.isPresent()) {
                return lift(state, rmm.realm(rmmState(state), realm.get(), call.registers(), memory));
            }
            if (plainId && RmmModel.claims(call.registers().x(0))) {
                return lift(state, rmm.rmi(rmmState(state), call.registers(), memory));
            }
        }
        if (optee != null && plainId && optee.serves(call.caller()) && XenOpteeMediator.claims(call.registers().x(0))) {
            return throughOptee(state, call, memory);
        }
        // Function IDs with x0's upper half or the SVE hint set take the conduit's decoding first.
        if (spmc != null && plainId && ffaRange.claims(id)) {
            if (mediator != null && mediator.serves(call.caller())) {
                return throughMediator(state, call);
            }
            Outcome answered = lift(state, spmc.step(ffaState(state), call));
            return mediator == null ? answered : MediatedShares.seenBySp(answered, mediator);
        }
        FamilyOutcome outcome = step(state, call.registers());
        if (outcome instanceof FamilyOutcome.Unmodelled unmodelled) {
            return new Outcome.Unmodelled(state, unmodelled.reason());
        }
        FamilyOutcome.Predicted predicted = (FamilyOutcome.Predicted) outcome;
        List<Expected> alternatives = new ArrayList<>();
        for (Prediction alternative : predicted.alternatives()) {
            alternatives.add(new Expected(alternative, java.util.Optional.empty(), List.of(), List.of(),
                    observed -> predicted.after(observed).orElse(state)));
        }
        return new Outcome.Predicted(alternatives);
    }

    /** A VM's call: the mediator answers it, or passes it to the SPMC, whose answer the VM gets. */
    private Outcome throughMediator(ModelState state, FfaCall call) {
        MediatorOutcome outcome = mediator.step(mediatorState(state), call);
        if (outcome instanceof MediatorOutcome.Answered answered) {
            MediatorAnswer answer = answered.answer();
            ModelState next = state.withMediator(answer.next());
            return new Outcome.Predicted(List.of(new Expected(answer.registers(), answer.rx(), List.of(), List.of(),
                    observed -> next)));
        }
        if (outcome instanceof MediatorOutcome.Forward forward) {
            ModelState next = state.withMediator(forward.next());
            return MediatedShares.keepingAnswer(lift(next, spmc.step(ffaState(next), forward.toSpmc())), forward,
                    this::mediatorState);
        }
        return new Outcome.Unmodelled(state, ((MediatorOutcome.Unmodelled) outcome).reason());
    }

    /** A VM's OP-TEE SMC: the mediator and OP-TEE behind it answer; the command buffer is judged where read back. */
    private Outcome throughOptee(ModelState state, FfaCall call, HostMemory memory) {
        OpteeOutcome outcome = optee.step(opteeState(state), call.caller(), call.registers(), memory);
        if (outcome instanceof OpteeOutcome.Unmodelled unmodelled) {
            return new Outcome.Unmodelled(state, unmodelled.reason());
        }
        List<Expected> alternatives = new ArrayList<>();
        for (OpteeOutcome.Alternative alternative : ((OpteeOutcome.Predicted) outcome).alternatives()) {
            java.util.Optional<org.fwcts.model.ffa.RxContents> buffer = alternative.buffer()
                    .map(expected -> new CommandBufferReadBack(expected, (observed, bytes) ->
                            state.withOptee(alternative.after().given(observed, bytes))));
            alternatives.add(new Expected(alternative.registers(), buffer, List.of(), List.of(),
                    observed -> state.withOptee(alternative.after().given(observed, java.util.Optional.empty()))));
        }
        return new Outcome.Predicted(alternatives);
    }

    private org.fwcts.model.rmm.RmmState rmmState(ModelState state) {
        return state.rmm().orElseGet(rmm::freshBoot);
    }

    private static Outcome lift(ModelState state, RmmOutcome outcome) {
        if (outcome instanceof RmmOutcome.Unmodelled unmodelled) {
            return new Outcome.Unmodelled(state, unmodelled.reason());
        }
        RmmOutcome.Answered answered = (RmmOutcome.Answered) outcome;
        return new Outcome.Predicted(List.of(Expected.of(answered.prediction(), state.withRmm(answered.next()))));
    }

    private static Outcome lift(ModelState state, FfaOutcome outcome) {
        if (outcome instanceof FfaOutcome.Forwarded forwarded) {
            return new Outcome.Forwarded(state.withFfa(forwarded.next()), forwarded.receiver(),
                    forwarded.receiverSees());
        }
        if (outcome instanceof FfaOutcome.Unmodelled unmodelled) {
            return new Outcome.Unmodelled(state, unmodelled.reason());
        }
        List<Expected> alternatives = new ArrayList<>();
        for (FfaPrediction alternative : ((FfaOutcome.Predicted) outcome).alternatives()) {
            alternatives.add(Expected.of(alternative, state));
        }
        return new Outcome.Predicted(alternatives);
    }

    public Profile profile() {
        return profile;
    }

    /** Predicts {@code call} in {@code state}. */
    public FamilyOutcome step(ModelState state, Registers call) {
        FamilyOutcome outcome = decode(state, call);
        boolean upperHalfSet = (call.x(0) >>> Integer.SIZE) != 0;
        if (upperHalfSet && outcome instanceof FamilyOutcome.Predicted predicted) {
            // The call is decided as if x0's upper half were clear; say which rule makes it so.
            List<Prediction> cited = new ArrayList<>();
            for (Prediction p : predicted.alternatives()) {
                cited.add(new Prediction("w0 alone selects the function: " + p.summary(), SmcccRules.FUNCTION_ID_IN_W0,
                        p.registers()));
            }
            return new FamilyOutcome.Predicted(cited, predicted.continuation());
        }
        return outcome;
    }

    private FamilyOutcome decode(ModelState state, Registers call) {
        FunctionId id = FunctionId.fromRegister(call.x(0));
        if (id.hasReservedBitsSet()) {
            return unknown(state, call, SmcccRules.RESERVED_BITS, id + " has reserved bits set");
        }
        if (id.hasSveHint()) {
            if (!profile.effectiveSmcccVersion().atLeast(1, 3)) {
                return unknown(state, call, SmcccRules.RESERVED_BITS, id + " sets bit 16, reserved before SMCCC v1.3");
            }
            call = call.with(0, id.withoutSveHint().register());
            id = id.withoutSveHint();
        }
        for (CallFamily family : families) {
            if (family.claims(id)) {
                return family.step(state, call, profile);
            }
        }
        return unknown(state, call, SmcccRules.UNKNOWN_FUNCTION, id + " is not a function this firmware provides");
    }

    private FamilyOutcome unknown(ModelState state, Registers call, Rule rule, String why) {
        return FamilyOutcome.Predicted.fixed(state, ResultRegisters.forCall(profile, call).notSupported(rule).build(why));
    }
}
