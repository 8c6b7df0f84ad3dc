package org.fwcts.model.bench;

import java.util.concurrent.TimeUnit;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.profile.AgentTopologies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of one SPMC model step (prediction plus the next state) for discovery and
 * messaging calls, in a state where the caller has negotiated v1.2 and mapped its buffers.
 * One thread: the figure is calls per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpmcModelBenchmark {
    private static final EndpointId NWD = EndpointId.HYPERVISOR;

    @Param({"tfa-el3-spmc", "hafnium"})
    public String profile;

    private SpmcModel model;
    private FfaState ready;
    private FfaCall version;
    private FfaCall features;
    private FfaCall idGet;
    private FfaCall partitionCount;
    private FfaCall partitionInfo;
    private FfaCall directRequest;

    @Setup(Level.Trial)
    public void setUp() {
        model = new SpmcModel(SpmcProfiles.named(profile).orElseThrow(), AgentTopologies.normalWorldAndOnePartition(8));
        FfaState state = model.freshBoot();
        state = advance(state, call(FfaFunction.FFA_VERSION.x0(), 0x1_0002L));
        ready = advance(state, call(FfaFunction.FFA_RXTX_MAP.x0Smc64(), 0x8800_0000L, 0x8800_1000L, 1));
        version = call(FfaFunction.FFA_VERSION.x0(), 0x1_0002L);
        features = call(FfaFunction.FFA_FEATURES.x0(), FfaFunction.FFA_ID_GET.x0());
        idGet = call(FfaFunction.FFA_ID_GET.x0());
        partitionCount = call(FfaFunction.FFA_PARTITION_INFO_GET.x0(), 0, 0, 0, 0, 1);
        partitionInfo = call(FfaFunction.FFA_PARTITION_INFO_GET.x0());
        directRequest = call(FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64(), 0x8001L, 0, 1, 2, 3, 4, 5);
    }

    private static FfaCall call(long... registers) {
        return FfaCall.of(NWD, Registers.of(registers));
    }

    private FfaState advance(FfaState state, FfaCall call) {
        FfaOutcome.Predicted predicted = (FfaOutcome.Predicted) model.step(state, call);
        return predicted.primary().after().given(Registers.zero());
    }

    /** A step and the state after it, as the harness uses them. */
    private Object stepAndAdvance(FfaCall call) {
        FfaOutcome outcome = model.step(ready, call);
        if (outcome instanceof FfaOutcome.Predicted predicted) {
            return predicted.primary().after().given(Registers.zero());
        }
        return outcome;
    }

    @Benchmark
    public Object ffaVersion() {
        return stepAndAdvance(version);
    }

    @Benchmark
    public Object ffaFeatures() {
        return stepAndAdvance(features);
    }

    @Benchmark
    public Object ffaIdGet() {
        return stepAndAdvance(idGet);
    }

    @Benchmark
    public Object partitionInfoCountOnly() {
        return stepAndAdvance(partitionCount);
    }

    @Benchmark
    public Object partitionInfoToRx() {
        return stepAndAdvance(partitionInfo);
    }

    @Benchmark
    public Object directRequest() {
        return stepAndAdvance(directRequest);
    }
}
