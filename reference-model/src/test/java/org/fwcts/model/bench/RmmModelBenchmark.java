package org.fwcts.model.bench;

import java.util.concurrent.TimeUnit;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.rmm.RealmParams;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RmmModel;
import org.fwcts.model.rmm.RmmOutcome;
import org.fwcts.model.rmm.RmmProfile;
import org.fwcts.model.rmm.RmmState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of one RMM model step (prediction and next state) for granule and RTT commands, in
 * a state with one NEW realm (39-bit IPA, one level-1 root RTT). One thread: calls per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RmmModelBenchmark {
    private static final long RD = 0x7000_0000L;
    private static final long ROOT = 0x7000_1000L;
    private static final long PARAMS = 0x7000_2000L;
    private static final long L2 = 0x7000_3000L;
    private static final long SPARE = 0x7000_4000L;

    private final RmmModel model = new RmmModel(RmmProfile.TF_RMM_0_8);
    RmmState realm;
    RmmState withL2;
    RmmState delegated;
    Registers delegate;
    Registers undelegate;
    Registers rttCreate;
    Registers rttDestroy;
    Registers readEntry;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] params = RealmParams.simple(39, ROOT, 1).encode();
        HostMemory memory = (address, length) -> address == PARAMS ? java.util.Optional.of(java.util.Arrays.copyOf(params, length))
                : java.util.Optional.empty();
        RmmState state = model.freshBoot();
        state = step(state, Registers.of(RmiFunction.RMI_GRANULE_DELEGATE.id(), RD), memory);
        state = step(state, Registers.of(RmiFunction.RMI_GRANULE_DELEGATE.id(), ROOT), memory);
        state = step(state, Registers.of(RmiFunction.RMI_REALM_CREATE.id(), RD, PARAMS), memory);
        state = step(state, Registers.of(RmiFunction.RMI_GRANULE_DELEGATE.id(), L2), memory);
        realm = state;
        delegate = Registers.of(RmiFunction.RMI_GRANULE_DELEGATE.id(), SPARE);
        undelegate = Registers.of(RmiFunction.RMI_GRANULE_UNDELEGATE.id(), SPARE);
        delegated = step(realm, delegate, memory);
        rttCreate = Registers.of(RmiFunction.RMI_RTT_CREATE.id(), RD, L2, 0x4000_0000L, 2);
        withL2 = step(realm, rttCreate, memory);
        rttDestroy = Registers.of(RmiFunction.RMI_RTT_DESTROY.id(), RD, 0x4000_0000L, 2);
        readEntry = Registers.of(RmiFunction.RMI_RTT_READ_ENTRY.id(), RD, 0x4000_0000L, 3);
    }

    RmmState step(RmmState state, Registers call, HostMemory memory) {
        RmmOutcome outcome = model.rmi(state, call, memory);
        return ((RmmOutcome.Answered) outcome).next();
    }

    @Benchmark
    public RmmOutcome granuleDelegate() {
        return model.rmi(realm, delegate, HostMemory.NONE);
    }

    @Benchmark
    public RmmOutcome granuleUndelegate() {
        return model.rmi(delegated, undelegate, HostMemory.NONE);
    }

    @Benchmark
    public RmmOutcome rttCreate() {
        return model.rmi(realm, rttCreate, HostMemory.NONE);
    }

    @Benchmark
    public RmmOutcome rttDestroy() {
        return model.rmi(withL2, rttDestroy, HostMemory.NONE);
    }

    @Benchmark
    public RmmOutcome rttReadEntry() {
        return model.rmi(withL2, readEntry, HostMemory.NONE);
    }
}
