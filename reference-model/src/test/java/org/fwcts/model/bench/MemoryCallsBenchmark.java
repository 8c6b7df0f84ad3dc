package org.fwcts.model.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.OwnedRange;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.Uuid;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.CompositeRegion;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.EndpointAccess;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.RelinquishDescriptor;
import org.fwcts.model.ffa.memory.TransactionDescriptorEncoder;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.profile.SpmcProfiles;
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
 * Throughput of the SPMC model on memory-management calls: the prediction, the match of a
 * conforming answer and the state after it, as the harness uses them for every call. Each
 * benchmark starts from a state prepared once (buffers mapped, v1.2 agreed; memory shared, or
 * retrieved, or a send half done) and steps one call. One thread: calls per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MemoryCallsBenchmark {
    static final EndpointId NWD = EndpointId.HYPERVISOR;
    static final EndpointId SP1 = EndpointId.of(0x8001);
    private static final long NWD_RW = 0x8000_0000L;
    private static final long NWD_MANY = 0xA000_0000L;
    /** Long enough that its retrieve response does not fit a 4 KiB RX buffer. */
    private static final int LONG_REGION_PAGES = 300;

    @Param({"tfa-el3-spmc", "hafnium"})
    public String profile;

    private SpmcModel model;
    Step share;
    Step lend;
    Step donate;
    Step retrieve;
    Step relinquish;
    Step reclaim;
    Step fragTx;
    Step fragRx;

    /** One call from a prepared state, and the answer a conforming target gives. */
    record Step(FfaState before, FfaCall call, Registers answer) {
    }

    @Setup(Level.Trial)
    public void setUp() {
        model = new SpmcModel(SpmcProfiles.named(profile).orElseThrow(), topology());
        FfaState ready = ready(model.freshBoot());
        share = step(ready, send(FfaFunction.FFA_MEM_SHARE, transaction(NWD_RW, 1, AccessPermissions.RW, true)));
        lend = step(ready, send(FfaFunction.FFA_MEM_LEND, transaction(NWD_RW, 1, AccessPermissions.RW, false)));
        // A donation leaves the data access to the receiver (DEN0077A, "Data access permissions usage").
        donate = step(ready, send(FfaFunction.FFA_MEM_DONATE,
                transaction(NWD_RW, 1, AccessPermissions.NOT_SPECIFIED, false)));
        FfaState shared = after(share);
        long handle = handle(share.answer());
        retrieve = step(shared, retrieveRequest(handle));
        relinquish = step(after(retrieve), new FfaCall(SP1, Registers.of(FfaFunction.FFA_MEM_RELINQUISH.x0()),
                RelinquishDescriptor.of(handle, SP1).encode()));
        reclaim = step(shared, FfaCall.of(NWD, Registers.of(FfaFunction.FFA_MEM_RECLAIM.x0(),
                handle & 0xFFFF_FFFFL, handle >>> 32, 0)));
        fragTx = lastFragment(ready);
        fragRx = responseFragment(ready);
    }

    /** NWD agrees v1.2; every endpoint that may map buffers maps one page each. */
    private FfaState ready(FfaState state) {
        state = after(step(state, FfaCall.of(NWD, Registers.of(FfaFunction.FFA_VERSION.x0(), 0x1_0002L))));
        boolean partitionsCall = !model.profile().functions().fromSecureWorld().isEmpty();
        for (EndpointId endpoint : partitionsCall ? List.of(NWD, SP1) : List.of(NWD)) {
            long buffers = 0x7000_0000L + (endpoint.value() & 0xF) * 0x10_0000L;
            state = after(step(state, FfaCall.of(endpoint,
                    Registers.of(FfaFunction.FFA_RXTX_MAP.x0Smc64(), buffers, buffers + 0x1000, 1))));
        }
        return state;
    }

    private static Topology topology() {
        SpecVersion v12 = SpecVersion.of(1, 2);
        Partition sp1 = new Partition(SP1, List.of(Uuid.parse("3f2f9d6a-8c41-4b7e-9a35-0d1c2b4e6f70")), 1,
                Partition.RECEIVES_DIRECT_REQ | Partition.AARCH64, v12);
        return new Topology(List.of(NWD), List.of(sp1), List.of(new OwnedRange(NWD, NWD_RW, 16, PageAccess.RW),
                new OwnedRange(NWD, NWD_MANY, 512, PageAccess.RW)));
    }

    /** NWD gives SP1 {@code access}; the sender states the attributes only where it must (SHARE). */
    private static MemoryTransaction transaction(long base, int pages, AccessPermissions access, boolean attributes) {
        List<Constituent> constituents = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            constituents.add(Constituent.of(base + i * 0x1000L, 1));
        }
        return MemoryTransaction.builder(NWD)
                .attributes(attributes ? MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE : MemoryAttributes.NOT_SPECIFIED)
                .receiver(SP1, access).region(CompositeRegion.of(constituents)).build();
    }

    private static FfaCall send(FfaFunction function, MemoryTransaction transaction) {
        byte[] bytes = TransactionDescriptorEncoder.encode(transaction);
        return new FfaCall(NWD, Registers.of(function.x0(), bytes.length, bytes.length), bytes);
    }

    private static FfaCall retrieveRequest(long handle) {
        MemoryTransaction request = new MemoryTransaction(NWD, MemoryAttributes.NOT_SPECIFIED, TransactionFlags.NONE,
                handle, 0, List.of(EndpointAccess.of(SP1, AccessPermissions.RW)), Optional.empty(), DescriptorLayout.V1_2);
        byte[] bytes = TransactionDescriptorEncoder.encode(request);
        return new FfaCall(SP1, Registers.of(FfaFunction.FFA_MEM_RETRIEVE_REQ.x0(), bytes.length, bytes.length), bytes);
    }

    /** A two-constituent SHARE whose first 112 bytes went in the first call; the step sends the last 16. */
    private Step lastFragment(FfaState ready) {
        byte[] bytes = TransactionDescriptorEncoder.encode(transaction(NWD_MANY, 2, AccessPermissions.RW, true));
        Step first = step(ready, new FfaCall(NWD, Registers.of(FfaFunction.FFA_MEM_SHARE.x0(), bytes.length, 112),
                Arrays.copyOf(bytes, 112)));
        long handle = first.answer().x(1) | first.answer().x(2) << 32;
        return step(after(first), fragmentTx(handle, bytes, 112));
    }

    /**
     * A SHARE of 300 pages (sent in two fragments) retrieved by SP1, whose response filled its RX
     * buffer and which released it; the step pulls the rest of the response with FFA_MEM_FRAG_RX.
     */
    private Step responseFragment(FfaState ready) {
        byte[] bytes = TransactionDescriptorEncoder.encode(transaction(NWD_MANY, LONG_REGION_PAGES, AccessPermissions.RW, true));
        Step first = step(ready, new FfaCall(NWD, Registers.of(FfaFunction.FFA_MEM_SHARE.x0(), bytes.length, 4096),
                Arrays.copyOf(bytes, 4096)));
        long handle = first.answer().x(1) | first.answer().x(2) << 32;
        FfaState state = after(step(after(first), fragmentTx(handle, bytes, 4096)));
        state = after(step(state, retrieveRequest(handle)));
        state = after(step(state, FfaCall.of(SP1, Registers.of(FfaFunction.FFA_RX_RELEASE.x0()))));
        return step(state, FfaCall.of(SP1, Registers.of(FfaFunction.FFA_MEM_FRAG_RX.x0(), handle & 0xFFFF_FFFFL,
                handle >>> 32, 4096, 0)));
    }

    private static FfaCall fragmentTx(long handle, byte[] bytes, int from) {
        return new FfaCall(NWD, Registers.of(FfaFunction.FFA_MEM_FRAG_TX.x0(), handle & 0xFFFF_FFFFL, handle >>> 32,
                bytes.length - from, 0), Arrays.copyOfRange(bytes, from, bytes.length));
    }

    private Step step(FfaState before, FfaCall call) {
        FfaOutcome.Predicted predicted = (FfaOutcome.Predicted) model.step(before, call);
        return new Step(before, call, ConformingAnswer.registers(predicted.primary().registers(), call.registers()));
    }

    private FfaState after(Step step) {
        FfaOutcome.Match match = ((FfaOutcome.Predicted) model.step(step.before(), step.call()))
                .match(step.answer(), Optional.empty());
        return ((FfaOutcome.Match.Consistent) match).next();
    }

    private static long handle(Registers success) {
        return (success.x(2) & 0xFFFF_FFFFL) | (success.x(3) & 0xFFFF_FFFFL) << 32;
    }

    /** What the harness does for each call: predict, match the target's answer, take the state after. */
    Object predictAndMatch(Step step) {
        FfaOutcome outcome = model.step(step.before(), step.call());
        if (outcome instanceof FfaOutcome.Predicted predicted) {
            return predicted.match(step.answer(), Optional.empty());
        }
        return outcome;
    }

    @Benchmark
    public Object memShare() {
        return predictAndMatch(share);
    }

    @Benchmark
    public Object memLend() {
        return predictAndMatch(lend);
    }

    @Benchmark
    public Object memDonate() {
        return predictAndMatch(donate);
    }

    @Benchmark
    public Object memRetrieveReq() {
        return predictAndMatch(retrieve);
    }

    @Benchmark
    public Object memRelinquish() {
        return predictAndMatch(relinquish);
    }

    @Benchmark
    public Object memReclaim() {
        return predictAndMatch(reclaim);
    }

    @Benchmark
    public Object memFragTx() {
        return predictAndMatch(fragTx);
    }

    @Benchmark
    public Object memFragRx() {
        return predictAndMatch(fragRx);
    }
}
