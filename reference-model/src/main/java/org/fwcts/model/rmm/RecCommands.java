package org.fwcts.model.rmm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;

/**
 * REC_AUX_COUNT, REC_CREATE, REC_DESTROY and REC_ENTER (TF-RMM v0.8.0 {@code runtime/rmi/rec.c},
 * {@code runtime/rmi/run.c}).
 */
final class RecCommands {
    /** RmiRecParams (DEN0137 1.0): flags 0x0, mpidr 0x100, pc 0x200, gprs 0x300, num_aux 0x800, aux[16] 0x808. */
    static final int PARAMS_SIZE = 0x888;
    /** RmiRecRun enter: flags 0x0, gprs[31] 0x200. */
    static final int ENTER_SIZE = 0x200 + 31 * 8;
    private static final int MAX_AUX = 16;

    private final RmmProfile profile;
    private final RealmProgram program;

    RecCommands(RmmProfile profile, RealmProgram program) {
        this.profile = profile;
        this.program = program;
    }

    RmmOutcome auxCount(RmmState state, long rd) {
        if (state.realm(rd).isEmpty()) {
            return Answer.fail(state, RmmRules.REC_AUX_COUNT, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        return new RmmOutcome.Answered(Answer.of(RmmRules.REC_AUX_COUNT).status(RmiStatus.SUCCESS)
                .x(1, profile.recAuxCount()).build("a REC needs " + profile.recAuxCount() + " auxiliary granules"), state);
    }

    RmmOutcome create(RmmState state, long rd, long recPa, long paramsPa, HostMemory memory) {
        if (!profile.tracks(paramsPa) || state.granule(paramsPa) != GranuleState.UNDELEGATED) {
            return Answer.fail(state, RmmRules.REC_CREATE, RmiStatus.ERROR_INPUT, "the REC parameters are not in a normal-world granule");
        }
        Optional<byte[]> bytes = memory.read(paramsPa, PARAMS_SIZE);
        if (bytes.isEmpty()) {
            return new RmmOutcome.Unmodelled("REC_CREATE reads its parameters at " + GranuleCommands.hex(paramsPa)
                    + ", which the host did not write with the call");
        }
        ByteBuffer p = ByteBuffer.wrap(bytes.get()).order(ByteOrder.LITTLE_ENDIAN);
        long numAux = p.getLong(0x800);
        if (numAux > MAX_AUX) {
            return Answer.fail(state, RmmRules.REC_CREATE, RmiStatus.ERROR_INPUT, "num_aux " + numAux + " > " + MAX_AUX);
        }
        List<Long> aux = new ArrayList<>();
        for (int i = 0; i < numAux; i++) {
            long granule = p.getLong(0x808 + 8 * i);
            if (!profile.tracks(granule) || state.granule(granule) != GranuleState.DELEGATED || aux.contains(granule)) {
                return Answer.fail(state, RmmRules.REC_CREATE, RmiStatus.ERROR_INPUT, "auxiliary granule " + i + " is not DELEGATED");
            }
            aux.add(granule);
        }
        Optional<Realm> realm = state.realm(rd);
        if (!profile.tracks(recPa) || state.granule(recPa) != GranuleState.DELEGATED || aux.contains(recPa) || realm.isEmpty()) {
            return Answer.fail(state, RmmRules.REC_CREATE, RmiStatus.ERROR_INPUT, "the REC is not DELEGATED or the RD is no RD");
        }
        if (realm.get().lifecycle() != Realm.Lifecycle.NEW) {
            return Answer.fail(state, RmmRules.REC_CREATE, RmiStatus.ERROR_REALM, "the realm is " + realm.get().lifecycle());
        }
        long mpidr = p.getLong(0x100);
        int index = realm.get().nextRecIndex();
        if (mpidr != mpidrOf(index)) {
            return Answer.fail(state, RmmRules.REC_CREATE, RmiStatus.ERROR_INPUT, "MPIDR 0x" + Long.toHexString(mpidr)
                    + " is not that of REC index " + index);
        }
        if (numAux != profile.recAuxCount()) {
            return Answer.fail(state, RmmRules.REC_CREATE, RmiStatus.ERROR_INPUT, "num_aux " + numAux + " is not REC_AUX_COUNT");
        }
        boolean runnable = (p.getLong(0) & 1) != 0;
        Rec rec = new Rec(recPa, rd, index, runnable, aux, Rec.Stage.NOT_STARTED, Optional.empty(), Optional.empty());
        RmmState next = state.withGranule(recPa, GranuleState.REC).withRec(recPa, rec)
                .withRealm(rd, realm.get().withRecs(index + 1, realm.get().liveRecs() + 1));
        for (long granule : aux) {
            next = next.withGranule(granule, GranuleState.REC_AUX);
        }
        return Answer.succeed(next, RmmRules.REC_CREATE, "REC " + index + " created" + (runnable ? ", runnable" : ""));
    }

    /** The MPIDR of REC {@code index}: Aff0 takes 4 bits, Aff1 8, Aff2 8 (TF-RMM {@code rec_mpidr_to_idx}). */
    static long mpidrOf(int index) {
        return (index & 0xF) | ((long) ((index >>> 4) & 0xFF) << 8) | ((long) ((index >>> 12) & 0xFF) << 16);
    }

    RmmOutcome destroy(RmmState state, long recPa) {
        Optional<Rec> rec = state.rec(recPa);
        if (rec.isEmpty()) {
            return Answer.fail(state, RmmRules.REC_DESTROY, RmiStatus.ERROR_INPUT, GranuleCommands.hex(recPa) + " is no REC");
        }
        Realm realm = state.realm(rec.get().rd()).orElseThrow();
        RmmState next = state.withRec(recPa, null).withGranule(recPa, GranuleState.DELEGATED)
                .withRealm(realm.rd(), realm.withRecs(realm.nextRecIndex(), realm.liveRecs() - 1));
        for (long granule : rec.get().aux()) {
            next = next.withGranule(granule, GranuleState.DELEGATED);
        }
        return Answer.succeed(next, RmmRules.REC_DESTROY, "the REC and its auxiliary granules return to DELEGATED");
    }

    /** REC_ENTER made by the host directly: its status is predicted; the exit is judged where a realm call carries it. */
    RmmOutcome enterFromHost(RmmState state, long recPa, long run, HostMemory memory) {
        Optional<byte[]> enter = memory.read(run, ENTER_SIZE);
        long flags = 0;
        long[] gprs = new long[31];
        if (enter.isPresent()) {
            ByteBuffer b = ByteBuffer.wrap(enter.get()).order(ByteOrder.LITTLE_ENDIAN);
            flags = b.getLong(0);
            for (int i = 0; i < gprs.length; i++) {
                gprs[i] = b.getLong(0x200 + 8 * i);
            }
        }
        RmmOutcome outcome = enter(state, recPa, run, flags, gprs, memory, enter.isPresent());
        if (outcome instanceof RmmOutcome.Answered answered && answered.prediction().registers().get(0).admits(0)) {
            return new RmmOutcome.Answered(Answer.of(RmmRules.REC_ENTER).x(0, RmiStatus.SUCCESS.packed())
                    .build("REC_ENTER runs the REC: " + answered.prediction().summary()), answered.next());
        }
        return outcome;
    }

    /** REC_ENTER carrying a realm agent command; the results are the exit ({@link RealmCall}). */
    RmmOutcome enterForRealm(RmmState state, long recPa, Registers call, HostMemory memory) {
        return enter(state, recPa, call.x(RealmCall.RUN), call.x(RealmCall.FLAGS), RealmCall.enterGprs(call), memory, true);
    }

    /** REC_ENTER with rec_enter's flags and gprs as the host wrote them, the exit in {@link RealmCall}'s encoding. */
    RmmOutcome enterWith(RmmState state, long recPa, long run, long flags, long[] gprs, HostMemory memory) {
        return enter(state, recPa, run, flags, gprs, memory, true);
    }

    private RmmOutcome enter(RmmState state, long recPa, long run, long flags, long[] gprs, HostMemory memory,
            boolean known) {
        if (!profile.tracks(run) || state.granule(run) != GranuleState.UNDELEGATED) {
            return Answer.fail(state, RmmRules.REC_ENTER, RmiStatus.ERROR_INPUT, "the run structure is not in a normal-world granule");
        }
        Optional<Rec> rec = state.rec(recPa);
        if (rec.isEmpty()) {
            return Answer.fail(state, RmmRules.REC_ENTER, RmiStatus.ERROR_INPUT, GranuleCommands.hex(recPa) + " is no REC");
        }
        Realm realm = state.realm(rec.get().rd()).orElseThrow();
        if (realm.lifecycle() == Realm.Lifecycle.NEW) {
            return Answer.fail(state, RmmRules.REC_ENTER, RmiStatus.ERROR_REALM, 0, "the realm is NEW");
        }
        if (realm.lifecycle() == Realm.Lifecycle.SYSTEM_OFF) {
            return Answer.fail(state, RmmRules.REC_ENTER, RmiStatus.ERROR_REALM, 1, "the realm is SYSTEM_OFF");
        }
        if (!rec.get().runnable()) {
            return Answer.fail(state, RmmRules.REC_ENTER, RmiStatus.ERROR_REC, "the REC is not runnable");
        }
        if (rec.get().stage() == Rec.Stage.PSCI_REQUESTED) {
            return Answer.fail(state, RmmRules.PSCI_COMPLETE, RmiStatus.ERROR_REC, "the REC waits for RMI_PSCI_COMPLETE");
        }
        if (!known) {
            return new RmmOutcome.Unmodelled("REC_ENTER reads the run structure at " + GranuleCommands.hex(run)
                    + ", which the host did not write with the call");
        }
        return program.run(state, realm, rec.get(), flags, gprs, memory);
    }
}
