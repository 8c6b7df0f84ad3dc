package org.fwcts.model.explore.rmm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.MemoryWrite;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.rmm.GranuleState;
import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.RealmParams;
import org.fwcts.model.rmm.Rec;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RsiFunction;

/** The calls RMM actions are made of, in the ABI of the world's profile (RMI 1.0 or 2.0). */
final class RmmCalls {
    /** RmiAddrType SINGLE: the 2.0 data commands' output address is one range. */
    private static final long SINGLE_ADDRESS = 1;
    private final RmmWorld world;
    private final List<RmmStep.Op> ops = new ArrayList<>();

    RmmCalls(RmmWorld world) {
        this.world = world;
    }

    RmmStep step(Action action) {
        return new RmmStep(action.caller(), ops);
    }

    RmmCalls rmi(RmiFunction function, long... arguments) {
        return rmi(List.of(), function, arguments);
    }

    RmmCalls rmi(List<MemoryWrite> writes, RmiFunction function, long... arguments) {
        long[] x = new long[arguments.length + 1];
        x[0] = function.id();
        System.arraycopy(arguments, 0, x, 1, arguments.length);
        ops.add(new RmmStep.Rmi(Registers.of(x), writes));
        return this;
    }

    RmmCalls delegate(long granule) {
        return world.profile().rangeDelegation() ? rmi(RmiFunction.RMI_GRANULE_RANGE_DELEGATE, granule,
                granule + RmmWorld.GRANULE) : rmi(RmiFunction.RMI_GRANULE_DELEGATE, granule);
    }

    /** Delegates {@code granule} unless the model has it delegated already (the step's other calls need it). */
    RmmCalls delegated(long granule) {
        return world.state().granule(granule) == GranuleState.UNDELEGATED ? delegate(granule) : this;
    }

    RmmCalls undelegate(long granule) {
        return world.profile().rangeDelegation() ? rmi(RmiFunction.RMI_GRANULE_RANGE_UNDELEGATE, granule,
                granule + RmmWorld.GRANULE) : rmi(RmiFunction.RMI_GRANULE_UNDELEGATE, granule);
    }

    RmmCalls realmCreate(String slot, long rd, long root, int s2sz) {
        byte[] params = RealmParams.simple(s2sz, root, RmmWorld.vmid(slot)).encode();
        return rmi(List.of(new MemoryWrite(world.paramsPage(), params)), RmiFunction.RMI_REALM_CREATE, rd,
                world.paramsPage());
    }

    /** DATA_CREATE (RTT_DATA_MAP_INIT under 2.0) of {@code data} at {@code ipa} from {@code bytes} in the source page. */
    RmmCalls dataCreate(long rd, long data, long ipa, byte[] bytes) {
        RmiFunction create = world.rmi2() ? RmiFunction.RMI_RTT_DATA_MAP_INIT : RmiFunction.RMI_DATA_CREATE;
        return rmi(List.of(new MemoryWrite(world.sourcePage(), bytes)), create, rd, data, ipa, world.sourcePage(), 0);
    }

    RmmCalls dataCreateUnknown(long rd, long data, long ipa) {
        return world.rmi2() ? rmi(RmiFunction.RMI_RTT_DATA_MAP, rd, ipa, ipa + RmmWorld.GRANULE, SINGLE_ADDRESS, data)
                : rmi(RmiFunction.RMI_DATA_CREATE_UNKNOWN, rd, data, ipa);
    }

    RmmCalls dataDestroy(long rd, long ipa) {
        return world.rmi2() ? rmi(RmiFunction.RMI_RTT_DATA_UNMAP, rd, ipa, ipa + RmmWorld.GRANULE, SINGLE_ADDRESS, 0)
                : rmi(RmiFunction.RMI_DATA_DESTROY, rd, ipa);
    }

    /** A REC of realm {@code rd} at {@code rec} with {@code aux} auxiliary granules, delegating what is not yet. */
    RmmCalls recCreate(long rd, long rec, long[] aux, boolean runnable, long mpidr, boolean delegate) {
        if (delegate) {
            delegated(rec);
            for (long granule : aux) {
                delegated(granule);
            }
        }
        if (!world.profile().recCreateByDonation()) {
            rmi(RmiFunction.RMI_REC_AUX_COUNT, rd);
        }
        ops.add(new RmmStep.RecCreate(rd, rec, world.recParamsPage(), recParams(runnable ? 1 : 0, mpidr, aux), aux,
                world.listPage()));
        return this;
    }

    RmmCalls recDestroy(long rec) {
        ops.add(new RmmStep.RecDestroy(rec, world.listPage()));
        return this;
    }

    /** The auxiliary granules of slot {@code slot}: as many as REC_AUX_COUNT gives (1.0) or an operation asks (2.0). */
    long[] aux(String slot) {
        int count = world.profile().recCreateByDonation() ? RmmWorld.AUX : Math.min(RmmWorld.AUX,
                world.profile().recAuxCount());
        long[] aux = new long[count];
        for (int i = 0; i < count; i++) {
            aux[i] = world.granule(slot + ".aux:" + i);
        }
        return aux;
    }

    /** REC parameters: flags (bit 0 RUNNABLE), MPIDR, entry at the realm's base IPA; under RMI 1.0 the auxiliary granules. */
    private byte[] recParams(long flags, long mpidr, long[] aux) {
        ByteBuffer params = ByteBuffer.allocate((int) RmmWorld.GRANULE).order(ByteOrder.LITTLE_ENDIAN);
        params.putLong(0, flags).putLong(0x100, mpidr).putLong(0x200, RmmWorld.BASE_IPA);
        if (!world.profile().recCreateByDonation()) {
            params.putLong(0x800, aux.length);
            for (int i = 0; i < aux.length; i++) {
                params.putLong(0x808 + 8 * i, aux[i]);
            }
        }
        return params.array();
    }

    /**
     * A command to the agent on the agent realm's REC; with no agent realm, REC_ENTER of that granule
     * all the same (a near miss the model answers: no REC there, or a realm not running).
     */
    RmmCalls realm(Registers command) {
        long rec = world.granule(RmmWorld.AGENT + ".rec");
        int ordinal = world.realm(RmmWorld.AGENT).map(r -> r.ordinal()).orElse(-1);
        if (ordinal < 0 || world.state().rec(rec).isEmpty()) {
            return rmi(RmiFunction.RMI_REC_ENTER, rec, world.runPage());
        }
        ops.add(new RmmStep.RealmCommand(ordinal, rec, world.runPage(), command.with(RealmCall.RUN, world.runPage())));
        return this;
    }

    /** The first entry of the agent's REC, before the realm numbered {@code ordinal} exists in the world's state. */
    RmmCalls first(int ordinal, long rec) {
        ops.add(new RmmStep.RealmCommand(ordinal, rec, world.runPage(), Registers.of(RealmCall.CONTINUE, 0)
                .with(RealmCall.RUN, world.runPage())));
        return this;
    }

    RmmCalls rsi(RsiFunction function, long... arguments) {
        long[] x = new long[2 + arguments.length];
        x[0] = RealmCall.RSI;
        x[1] = function.id();
        System.arraycopy(arguments, 0, x, 2, arguments.length);
        return realm(Registers.of(x));
    }

    RmmCalls resume(long flags, long value) {
        return realm(Registers.of(RealmCall.CONTINUE, value).with(RealmCall.FLAGS, flags));
    }

    RmmCalls probe(long granule) {
        ops.add(new RmmStep.Probe(granule));
        return this;
    }

    /** The agent's REC stage, if it runs. */
    Rec.Stage agentStage() {
        return world.agentRec().map(Rec::stage).orElse(null);
    }
}
