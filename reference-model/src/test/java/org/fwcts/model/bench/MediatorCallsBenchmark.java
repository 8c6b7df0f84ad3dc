package org.fwcts.model.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.TransactionDescriptorEncoder;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.profile.Profiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Scope;

/**
 * Throughput of the whole model with Xen 4.22's FF-A mediator in front of the SPMC, on the calls a
 * VM makes most: FFA_MEM_SHARE from the VM (the mediator's checks, the descriptor it forwards and
 * the SPMC's send), FFA_MEM_RECLAIM of that share, and FFA_ID_GET. Each call is predicted, matched
 * against a conforming answer and followed into the next state, from a state prepared once (VM 2
 * has agreed v1.2 and mapped its buffers; for the reclaim, its page is shared).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MediatorCallsBenchmark {
    static final EndpointId VM2 = EndpointId.of(2);
    private static final EndpointId SP1 = EndpointId.of(0x8001);
    private static final long VM_TX = 0x4012_0000L;
    private static final long VM_PAGE = 0x4020_0000L;

    private FirmwareModel model;
    Step share;
    Step reclaim;
    Step idGet;

    /** One call from a prepared state, and the answer a conforming target gives. */
    record Step(ModelState before, FfaCall call, Registers answer) {
    }

    @Setup(Level.Trial)
    public void setUp() {
        model = new FirmwareModel(Profiles.named("xen-4.22-ffa").orElseThrow());
        ModelState state = ModelState.freshBoot();
        state = after(step(state, FfaCall.of(VM2, Registers.of(FfaFunction.FFA_VERSION.x0(), 0x1_0002L))));
        state = after(step(state, FfaCall.of(VM2, Registers.of(FfaFunction.FFA_ID_GET.x0()))));
        state = after(step(state, FfaCall.of(VM2, Registers.of(FfaFunction.FFA_RXTX_MAP.x0Smc64(), VM_TX,
                VM_TX + 0x1000, 1))));
        MemoryTransaction page = MemoryTransaction.builder(VM2).attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .receiver(SP1, AccessPermissions.RW).region(Constituent.of(VM_PAGE, 1)).layout(DescriptorLayout.V1_2).build();
        byte[] bytes = TransactionDescriptorEncoder.encode(page);
        share = step(state, new FfaCall(VM2, Registers.of(FfaFunction.FFA_MEM_SHARE.x0Smc64(), bytes.length,
                bytes.length, 0, 0), bytes));
        long handle = (share.answer().x(2) & 0xFFFF_FFFFL) | (share.answer().x(3) & 0xFFFF_FFFFL) << 32;
        reclaim = step(after(share), FfaCall.of(VM2, Registers.of(FfaFunction.FFA_MEM_RECLAIM.x0(),
                handle & 0xFFFF_FFFFL, handle >>> 32, 0)));
        idGet = step(state, FfaCall.of(VM2, Registers.of(FfaFunction.FFA_ID_GET.x0())));
    }

    private Step step(ModelState before, FfaCall call) {
        Outcome.Predicted predicted = (Outcome.Predicted) model.predict(before, call);
        return new Step(before, call, ConformingAnswer.registers(predicted.primary().registers(), call.registers()));
    }

    private ModelState after(Step step) {
        Outcome.Match match = ((Outcome.Predicted) model.predict(step.before(), step.call()))
                .match(step.answer(), Optional.empty());
        return ((Outcome.Match.Consistent) match).next();
    }

    /** What the harness does for each call: predict, match the target's answer, take the state after. */
    Object predictAndMatch(Step step) {
        Outcome outcome = model.predict(step.before(), step.call());
        if (outcome instanceof Outcome.Predicted predicted) {
            return predicted.match(step.answer(), Optional.empty());
        }
        return outcome;
    }

    @Benchmark
    public Object vmMemShare() {
        return predictAndMatch(share);
    }

    @Benchmark
    public Object vmMemReclaim() {
        return predictAndMatch(reclaim);
    }

    @Benchmark
    public Object vmIdGet() {
        return predictAndMatch(idGet);
    }
}
