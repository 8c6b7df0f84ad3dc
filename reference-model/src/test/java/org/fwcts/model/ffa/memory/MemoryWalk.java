package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.ffa.PredictionAssert.assertError;
import static org.fwcts.model.ffa.PredictionAssert.assertRegister;
import static org.fwcts.model.ffa.PredictionAssert.assertSuccess;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.PageAccess;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.OwnedRange;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.profile.SpmcProfiles;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.Uuid;
import org.fwcts.model.prediction.Prediction;

/**
 * Walks the SPMC model through memory-management scenarios: a normal-world endpoint owning memory,
 * two partitions, each with RX/TX buffers mapped and FF-A v1.2 agreed. Each call is answered as a
 * conforming target would (the suggested handle), or with registers the test gives.
 */
final class MemoryWalk {
    static final EndpointId NWD = EndpointId.HYPERVISOR;
    static final EndpointId SP1 = EndpointId.of(0x8001);
    static final EndpointId SP2 = EndpointId.of(0x8002);
    /** 16 pages the normal world owns with RW (not executable). */
    static final long NWD_RW = 0x8000_0000L;
    /** 16 pages the normal world owns with RWX. */
    static final long NWD_RWX = 0x8100_0000L;
    /** 4 pages the normal world owns read-only. */
    static final long NWD_RO = 0x8200_0000L;
    /** 8 pages SP1 owns with RW. */
    static final long SP1_RW = 0x9000_0000L;
    /** 512 pages the normal world owns with RW, for many transactions and long regions. */
    static final long NWD_MANY = 0xA000_0000L;

    static final long VERSION = FfaFunction.FFA_VERSION.x0();
    static final long RXTX_MAP_64 = FfaFunction.FFA_RXTX_MAP.x0Smc64();
    static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.x0();
    static final long DONATE_32 = FfaFunction.FFA_MEM_DONATE.x0();
    static final long LEND_32 = FfaFunction.FFA_MEM_LEND.x0();
    static final long LEND_64 = FfaFunction.FFA_MEM_LEND.x0Smc64();
    static final long SHARE_32 = FfaFunction.FFA_MEM_SHARE.x0();
    static final long SHARE_64 = FfaFunction.FFA_MEM_SHARE.x0Smc64();
    static final long RETRIEVE_REQ_32 = FfaFunction.FFA_MEM_RETRIEVE_REQ.x0();
    static final long RETRIEVE_REQ_64 = FfaFunction.FFA_MEM_RETRIEVE_REQ.x0Smc64();
    static final long RETRIEVE_RESP = FfaFunction.FFA_MEM_RETRIEVE_RESP.x0();
    static final long RELINQUISH = FfaFunction.FFA_MEM_RELINQUISH.x0();
    static final long RECLAIM = FfaFunction.FFA_MEM_RECLAIM.x0();
    static final long FRAG_RX = FfaFunction.FFA_MEM_FRAG_RX.x0();
    static final long FRAG_TX = FfaFunction.FFA_MEM_FRAG_TX.x0();

    private final SpmcModel model;
    private FfaState state;
    private Registers lastAnswer = Registers.zero();
    private long sentHandle;

    MemoryWalk(String profile) {
        this(profile, 0x1_0002L);
    }

    /**
     * The normal world agrees {@code version} (major << 16 | minor), the partitions' manifests declare
     * it, and every endpoint maps one-page buffers.
     */
    MemoryWalk(String profile, long version) {
        this(profile, version, true);
    }

    private MemoryWalk(String profile, long version, boolean mapBuffers) {
        SpecVersion agreed = SpecVersion.decode((int) version);
        model = new SpmcModel(SpmcProfiles.named(profile).orElseThrow(), topology(agreed));
        state = model.freshBoot();
        boolean partitionsCall = !model.profile().functions().fromSecureWorld().isEmpty();
        List<EndpointId> endpoints = partitionsCall ? List.of(NWD, SP1, SP2) : List.of(NWD);
        for (EndpointId endpoint : endpoints) {
            if (!endpoint.isSecure()) {
                call(endpoint, new long[] {VERSION, version});
            }
            long buffers = 0x7000_0000L + (endpoint.value() & 0xF) * 0x10_0000L;
            if (mapBuffers) {
                call(endpoint, new long[] {RXTX_MAP_64, buffers, buffers + 0x1000, 1});
            }
        }
    }

    /** A walk where every endpoint agreed v1.2 but none mapped RX/TX buffers. */
    static MemoryWalk withoutBuffers(String profile) {
        return new MemoryWalk(profile, 0x1_0002L, false);
    }

    /** The deployment: partitions built for {@code version} (their manifests fix it at boot). */
    static Topology topology(SpecVersion version) {
        Partition sp1 = new Partition(SP1, List.of(Uuid.parse("3f2f9d6a-8c41-4b7e-9a35-0d1c2b4e6f70")), 1,
                Partition.RECEIVES_DIRECT_REQ | Partition.AARCH64, version);
        Partition sp2 = new Partition(SP2, List.of(Uuid.parse("3f2f9d6a-8c41-4b7e-9a35-0d1c2b4e6f71")), 1,
                Partition.RECEIVES_DIRECT_REQ | Partition.AARCH64, version);
        return new Topology(List.of(NWD), List.of(sp1, sp2), List.of(
                new OwnedRange(NWD, NWD_RW, 16, PageAccess.RW),
                new OwnedRange(NWD, NWD_RWX, 16, PageAccess.RWX),
                new OwnedRange(NWD, NWD_RO, 4, PageAccess.RO),
                new OwnedRange(SP1, SP1_RW, 8, PageAccess.RW),
                new OwnedRange(NWD, NWD_MANY, 512, PageAccess.RW)));
    }

    /** Makes a call without TX contents, answered as predicted. */
    Prediction call(EndpointId caller, long... registers) {
        return call(caller, registers, new byte[0]).registers();
    }

    /** Makes a call, answered as the primary prediction suggests. */
    FfaPrediction call(EndpointId caller, long[] registers, byte[] tx) {
        FfaPrediction primary = predicted(new FfaCall(caller, Registers.of(registers), tx));
        lastAnswer = ConformingAnswer.registers(primary.registers(), Registers.of(registers));
        state = primary.after().given(lastAnswer);
        noteHandle(registers[0]);
        return primary;
    }

    /** Makes a call and answers it with {@code observed}, which the prediction must admit. */
    FfaPrediction answered(EndpointId caller, long[] registers, byte[] tx, Registers observed) {
        FfaOutcome.Predicted outcome = (FfaOutcome.Predicted) model.step(state,
                new FfaCall(caller, Registers.of(registers), tx));
        FfaOutcome.Match match = outcome.match(observed, Optional.empty());
        assertThat(match).as("%s", match).isInstanceOf(FfaOutcome.Match.Consistent.class);
        lastAnswer = observed;
        state = ((FfaOutcome.Match.Consistent) match).next();
        noteHandle(registers[0]);
        return outcome.primary();
    }

    /** Remembers the handle of a send (or last fragment) that succeeded. */
    private void noteHandle(long function) {
        long number = function & 0xFF;
        boolean sends = number >= 0x71 && number <= 0x73 || number == 0x7B;
        if (sends && lastAnswer.x(0) == FfaFunction.FFA_SUCCESS.x0()) {
            sentHandle = (lastAnswer.x(2) & 0xFFFF_FFFFL) | (lastAnswer.x(3) & 0xFFFF_FFFFL) << 32;
        }
    }

    /** The outcome of a call, without advancing. */
    FfaOutcome peek(EndpointId caller, long[] registers, byte[] tx) {
        return model.step(state, new FfaCall(caller, Registers.of(registers), tx));
    }

    private FfaPrediction predicted(FfaCall call) {
        FfaOutcome outcome = model.step(state, call);
        assertThat(outcome).as("prediction for %s: %s", call, outcome).isInstanceOf(FfaOutcome.Predicted.class);
        return ((FfaOutcome.Predicted) outcome).primary();
    }

    /** Sends {@code descriptor} whole with {@code function} from {@code caller}; returns the handle. */
    long send(EndpointId caller, long function, MemoryTransaction descriptor) {
        byte[] bytes = TransactionDescriptorEncoder.encode(descriptor);
        FfaPrediction sent = call(caller, new long[] {function, bytes.length, bytes.length}, bytes);
        assertThat(sent.registers().register(0).admits(FfaFunction.FFA_SUCCESS.x0())).as(sent.summary()).isTrue();
        return handle();
    }

    /** The handle the last successful send returned in w2/w3. */
    long handle() {
        return sentHandle;
    }

    /** A retrieve request by {@code caller} for {@code request}, encoded in its layout. */
    FfaPrediction retrieve(EndpointId caller, MemoryTransaction request) {
        byte[] bytes = TransactionDescriptorEncoder.encode(request);
        return call(caller, new long[] {RETRIEVE_REQ_32, bytes.length, bytes.length}, bytes);
    }

    FfaPrediction relinquish(EndpointId caller, RelinquishDescriptor descriptor) {
        return call(caller, new long[] {RELINQUISH}, descriptor.encode());
    }

    Prediction reclaim(EndpointId caller, long handle, long flags) {
        return call(caller, RECLAIM, handle & 0xFFFF_FFFFL, handle >>> 32, flags);
    }

    /** FFA_RXTX_UNMAP from {@code caller}. */
    Prediction unmap(EndpointId caller) {
        return call(caller, FfaFunction.FFA_RXTX_UNMAP.x0());
    }

    Prediction releaseRx(EndpointId caller) {
        return call(caller, RX_RELEASE);
    }

    PageAccess access(EndpointId endpoint, long address) {
        return state.memory().access().access(endpoint, address);
    }

    MemoryState memory() {
        return state.memory();
    }

    FfaState state() {
        return state;
    }

    /**
     * Asserts the outcome the spec and the profile give, written as the spec names it: SUCCESS
     * (w0 = 0x84000061) or FFA_ERROR (w0 = 0x84000060) with the status in w2.
     */
    static void assertOutcome(Prediction prediction, String expected) {
        if (expected.equals("SUCCESS")) {
            assertSuccess(prediction);
            return;
        }
        long status;
        switch (expected) {
            case "INVALID_PARAMETERS":
                status = 0xFFFF_FFFEL;
                break;
            case "NO_MEMORY":
                status = 0xFFFF_FFFDL;
                break;
            case "BUSY":
                status = 0xFFFF_FFFCL;
                break;
            case "DENIED":
                status = 0xFFFF_FFFAL;
                break;
            case "NOT_SUPPORTED":
                status = 0xFFFF_FFFFL;
                break;
            default:
                throw new IllegalArgumentException(expected);
        }
        assertError(prediction, status);
    }

    /** FFA_MEM_RETRIEVE_RESP (w0 = 0x84000075): the retrieve succeeded. */
    static void assertRetrieveResp(Prediction prediction) {
        assertRegister(prediction, 0, RETRIEVE_RESP);
    }

    /** Sends {@code descriptor} whole and returns the prediction. */
    Prediction sendRaw(EndpointId caller, long function, byte[] bytes) {
        return call(caller, new long[] {function, bytes.length, bytes.length}, bytes).registers();
    }

    Registers lastAnswer() {
        return lastAnswer;
    }
}
