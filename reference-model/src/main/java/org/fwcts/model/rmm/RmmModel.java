package org.fwcts.model.rmm;

import java.util.Optional;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;

/**
 * The RMM as a state machine: RMI commands from the normal world and the realm agent's commands
 * on a realm's REC. Pure: the same profile, state, call and known memory give the same outcome.
 */
public final class RmmModel {
    /** x0 of an unknown function (SMCCC). */
    static final long SMC_UNKNOWN = -1L;

    private final RmmProfile profile;
    private final GranuleCommands granules;
    private final RealmCommands realms;
    private final RecCommands recs;
    private final RttCommands rtts;
    private final DataCommands data;
    private final RealmProgram program;
    private final RecOperations operations;
    private final RealmPsci psci = new RealmPsci();

    public RmmModel(RmmProfile profile) {
        this.profile = profile;
        this.granules = new GranuleCommands(profile);
        this.realms = new RealmCommands(profile);
        this.program = new RealmProgram(new RsiCommands(profile));
        this.recs = new RecCommands(profile, program);
        this.rtts = new RttCommands(profile);
        this.data = new DataCommands(profile);
        this.operations = new RecOperations(profile);
    }

    public RmmProfile profile() {
        return profile;
    }

    public RmmState freshBoot() {
        return RmmState.freshBoot(profile);
    }

    /** Whether {@code functionId} is in the RMI range the normal world calls (TF-RMM {@code smc.h}). */
    public static boolean claims(long functionId) {
        return functionId >= RmiFunction.BASE && functionId <= 0xC400_020FL && !RealmRange.rsi(functionId);
    }

    /** One RMI command from the normal world; {@code memory} is the NS memory the host wrote for it. */
    public RmmOutcome rmi(RmmState state, Registers call, HostMemory memory) {
        int major = profile.rmiVersion().major();
        Optional<RmiFunction> function = RmiFunction.of(call.x(0), major);
        if (function.isEmpty()) {
            return new RmmOutcome.Answered(Answer.of(RmmRules.UNKNOWN_COMMAND).x(0, SMC_UNKNOWN)
                    .build("0x" + Long.toHexString(call.x(0)) + " is no RMI " + major + ".x command: SMC_UNKNOWN"), state);
        }
        RmiFunction f = function.get();
        if (f == RmiFunction.RMI_VERSION) {
            return version(state, call.x(1));
        }
        if (f == RmiFunction.RMI_FEATURES) {
            long value = profile.featureRegister(call.x(1));
            return new RmmOutcome.Answered(Answer.of(RmmRules.FEATURES).status(RmiStatus.SUCCESS).x(1, value)
                    .build("RMI_FEATURES(" + call.x(1) + ") = 0x" + Long.toHexString(value)), state);
        }
        if (f == RmiFunction.RMI_RMM_ACTIVATE) {
            return state.active() ? Answer.fail(state, RmmRules.ACTIVATE_GATE, RmiStatus.ERROR_GLOBAL, "the RMM is already active")
                    : Answer.succeed(state.activated(), RmmRules.ACTIVATE_GATE, "RMI_RMM_ACTIVATE activates the RMM");
        }
        if (!state.active()) {
            return Answer.fail(state, RmmRules.ACTIVATE_GATE, RmiStatus.ERROR_GLOBAL, f + " before RMI_RMM_ACTIVATE");
        }
        switch (f) {
            case RMI_GRANULE_DELEGATE:
                return granules.delegate(state, call.x(1));
            case RMI_GRANULE_UNDELEGATE:
                return granules.undelegate(state, call.x(1));
            case RMI_GRANULE_RANGE_DELEGATE:
                return granules.range(state, call.x(1), call.x(2), true);
            case RMI_GRANULE_RANGE_UNDELEGATE:
                return granules.range(state, call.x(1), call.x(2), false);
            default:
                break;
        }
        if (profile.recCreateByDonation()) {
            switch (f) {
                case RMI_REC_CREATE:
                    return operations.create(state, call.x(1), call.x(2), call.x(3));
                case RMI_REC_DESTROY:
                    return operations.destroy(state, call.x(1));
                case RMI_OP_MEM_DONATE:
                    return operations.donate(state, call.x(1), call.x(2), call.x(3), memory);
                case RMI_OP_MEM_RECLAIM:
                    return operations.reclaim(state, call.x(1), call.x(2), call.x(3));
                case RMI_OP_CONTINUE:
                    return operations.proceed(state, call.x(1), memory);
                case RMI_OP_CANCEL:
                    return operations.cancel(state, call.x(1));
                default:
                    break;
            }
        }
        return realmCommand(state, f, call, memory);
    }

    private RmmOutcome realmCommand(RmmState state, RmiFunction f, Registers call, HostMemory memory) {
        switch (f) {
            case RMI_REALM_CREATE:
                return realms.create(state, call.x(1), call.x(2), memory);
            case RMI_REALM_ACTIVATE:
                return realms.activate(state, call.x(1));
            case RMI_REALM_DESTROY:
                return realms.destroy(state, call.x(1));
            case RMI_REC_AUX_COUNT:
                return recs.auxCount(state, call.x(1));
            case RMI_REC_CREATE:
                return recs.create(state, call.x(1), call.x(2), call.x(3), memory);
            case RMI_REC_DESTROY:
                return recs.destroy(state, call.x(1));
            case RMI_REC_ENTER:
                return recs.enterFromHost(state, call.x(1), call.x(2), memory);
            case RMI_RTT_CREATE:
                return rtts.create(state, call.x(1), call.x(2), call.x(3), call.x(4));
            case RMI_RTT_DESTROY:
                return rtts.destroy(state, call.x(1), call.x(2), call.x(3));
            case RMI_PSCI_COMPLETE:
                return psci.complete(state, call.x(1), call.x(2), call.x(3));
            case RMI_RTT_FOLD:
                return rtts.fold(state, call.x(1), call.x(2), call.x(3));
            case RMI_RTT_READ_ENTRY:
                return rtts.readEntry(state, call.x(1), call.x(2), call.x(3));
            case RMI_RTT_MAP_UNPROTECTED:
                return rtts.mapUnprotected(state, call.x(1), call.x(2), call.x(3), call.x(4));
            case RMI_RTT_UNMAP_UNPROTECTED:
                return rtts.unmapUnprotected(state, call.x(1), call.x(2), call.x(3));
            case RMI_RTT_INIT_RIPAS:
                return rtts.initRipas(state, call.x(1), call.x(2), call.x(3));
            case RMI_RTT_SET_RIPAS:
                return rtts.setRipas(state, call.x(1), call.x(2), call.x(3), call.x(4));
            case RMI_DATA_CREATE:
            case RMI_RTT_DATA_MAP_INIT:
                return data.create(state, call.x(1), call.x(2), call.x(3), call.x(4), call.x(5));
            case RMI_DATA_CREATE_UNKNOWN:
                return data.createUnknown(state, call.x(1), call.x(2), call.x(3));
            case RMI_DATA_DESTROY:
                return data.destroy(state, call.x(1), call.x(2));
            case RMI_RTT_DATA_MAP:
                return data.mapRange(state, call.x(1), call.x(2), call.x(3), call.x(4), call.x(5));
            case RMI_RTT_DATA_UNMAP:
                return data.unmapRange(state, call.x(1), call.x(2), call.x(3), call.x(4));
            default:
                return new RmmOutcome.Unmodelled(f + " is not modelled yet");
        }
    }

    /**
     * One command the realm agent on the first REC of realm number {@code ordinal} runs, carried by
     * a REC_ENTER the host makes (the encoding is {@link RealmCall}'s).
     */
    public RmmOutcome realm(RmmState state, int ordinal, Registers call, HostMemory memory) {
        Optional<Realm> realm = state.realmNumber(ordinal);
        if (realm.isEmpty()) {
            return new RmmOutcome.Unmodelled("realm number " + ordinal + " does not exist on this boot");
        }
        Optional<Rec> rec = state.recs().values().stream()
                .filter(r -> r.rd() == realm.get().rd() && r.index() == 0).findFirst();
        if (rec.isEmpty()) {
            return new RmmOutcome.Unmodelled("realm number " + ordinal + " has no REC 0 to run its agent");
        }
        return recs.enterForRealm(state, rec.get().pa(), call, memory);
    }

    /**
     * REC_ENTER of {@code recPa} with rec_enter's {@code flags} and {@code gprs} as the host wrote
     * them into {@code run}: the status and the exit in {@link RealmCall}'s encoding, for whoever
     * plays the RMM.
     */
    public RmmOutcome recEnter(RmmState state, long recPa, long run, long flags, long[] gprs, HostMemory memory) {
        if (profile.activationGate() && !state.active()) {
            return rmi(state, Registers.of(RmiFunction.RMI_REC_ENTER.id(), recPa, run), memory);
        }
        return recs.enterWith(state, recPa, run, flags, gprs, memory);
    }

    private RmmOutcome version(RmmState state, long requested) {
        long highest = profile.rmiVersion().encode();
        boolean supported = requested == highest;
        return new RmmOutcome.Answered(Answer.of(RmmRules.VERSION)
                .status(supported ? RmiStatus.SUCCESS : RmiStatus.ERROR_INPUT).x(1, supported ? requested : highest)
                .x(2, highest).build("RMI_VERSION(0x" + Long.toHexString(requested) + "): RMI " + profile.rmiVersion()
                        + (supported ? " implemented" : " is what is implemented: ERROR_INPUT")), state);
    }
}
