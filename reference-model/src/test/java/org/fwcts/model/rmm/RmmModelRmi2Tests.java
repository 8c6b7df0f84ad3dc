package org.fwcts.model.rmm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.prediction.RegisterPrediction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The RMM model under RMI 2.0 (TF-RMM v0.9.0)")
class RmmModelRmi2Tests {
    private static final long BASE = 0x7000_0000L;
    private static final long RD = BASE;
    private static final long ROOT = BASE + 0x1000;
    private static final long PARAMS = BASE + 0x2000;
    private static final long L2 = BASE + 0x3000;
    private static final long L3 = BASE + 0x4000;
    private static final long DATA = BASE + 0x5000;
    private static final long SOURCE = BASE + 0x8000;
    private static final long IPA = 0x4000_0000L;
    private static final long SINGLE = 1;

    private final RmmModel model = new RmmModel(RmmProfile.TF_RMM_0_9);
    private final Map<Long, byte[]> memory = new HashMap<>();
    private RmmState state;
    private RmmOutcome.Answered last;

    @BeforeEach
    void boot() {
        state = model.freshBoot();
        assertThat(rmi(RmiFunction.RMI_RMM_ACTIVATE)).isZero();
    }

    private HostMemory host() {
        return (address, length) -> Optional.ofNullable(memory.get(address)).map(b -> Arrays.copyOf(b, length));
    }

    private long rmi(RmiFunction function, long... args) {
        long[] x = new long[args.length + 1];
        x[0] = function.id();
        System.arraycopy(args, 0, x, 1, args.length);
        last = (RmmOutcome.Answered) model.rmi(state, Registers.of(x), host());
        state = last.next();
        return x(0);
    }

    private long x(int index) {
        return ((RegisterPrediction.Exact) last.prediction().registers().get(index)).value();
    }

    private void delegate(long granule) {
        assertThat(rmi(RmiFunction.RMI_GRANULE_RANGE_DELEGATE, granule, granule + 0x1000)).isZero();
    }

    private long createRealm(long rd, long root, int vmid) {
        delegate(rd);
        delegate(root);
        memory.put(PARAMS, RealmParams.simple(39, root, vmid).encode());
        return rmi(RmiFunction.RMI_REALM_CREATE, rd, PARAMS);
    }

    private void tables() {
        delegate(L2);
        assertThat(rmi(RmiFunction.RMI_RTT_CREATE, RD, L2, IPA, 2)).isZero();
        delegate(L3);
        assertThat(rmi(RmiFunction.RMI_RTT_CREATE, RD, L3, IPA, 3)).isZero();
    }

    @Test
    @DisplayName("the RMM allocates VMIDs: a second realm with the same VMID field is created")
    void vmidFromRmm() {
        assertThat(createRealm(RD, ROOT, 1)).isZero();
        assertThat(createRealm(BASE + 0x10000, BASE + 0x11000, 1)).isZero();
        assertThat(state.realms()).hasSize(2);
    }

    @Test
    @DisplayName("a MEC policy other than SHARED or PRIVATE is refused with ERROR_INPUT; PRIVATE is accepted")
    void mecPolicy() {
        delegate(RD);
        delegate(ROOT);
        memory.put(PARAMS, RealmParams.simple(39, ROOT, 1).withFlags(2L << 7).encode());
        assertThat(rmi(RmiFunction.RMI_REALM_CREATE, RD, PARAMS)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
        memory.put(PARAMS, RealmParams.simple(39, ROOT, 1).withFlags(1L << 7).encode());
        assertThat(rmi(RmiFunction.RMI_REALM_CREATE, RD, PARAMS)).isZero();
    }

    @Test
    @DisplayName("RTT_DATA_MAP_INIT is DATA_CREATE at 0xC4000153; the 1.0 data commands and REC_AUX_COUNT are unknown")
    void dataMapInit() {
        createRealm(RD, ROOT, 1);
        tables();
        assertThat(rmi(RmiFunction.RMI_RTT_INIT_RIPAS, RD, IPA, IPA + 0x1000)).isZero();
        delegate(DATA);
        memory.put(SOURCE, new byte[4096]);
        assertThat(RmiFunction.RMI_RTT_DATA_MAP_INIT.id()).isEqualTo(RmiFunction.RMI_DATA_CREATE.id());
        assertThat(rmi(RmiFunction.RMI_RTT_DATA_MAP_INIT, RD, DATA, IPA, SOURCE, 0)).isZero();
        assertThat(state.granule(DATA)).isEqualTo(GranuleState.DATA);
        assertThat(rmi(RmiFunction.RMI_DATA_DESTROY, RD, IPA)).isEqualTo(-1L);
        assertThat(rmi(RmiFunction.RMI_DATA_CREATE_UNKNOWN, RD, DATA, IPA)).isEqualTo(-1L);
        assertThat(rmi(RmiFunction.RMI_REC_AUX_COUNT, RD)).isEqualTo(-1L);
    }

    @Test
    @DisplayName("RTT_DATA_MAP maps the granule at base and returns base + 4 KiB even when it fails")
    void dataMap() {
        createRealm(RD, ROOT, 1);
        tables();
        delegate(DATA);
        assertThat(rmi(RmiFunction.RMI_RTT_DATA_MAP, RD, IPA, IPA + 0x3000, 0, DATA)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
        assertThat(x(1)).isZero();
        assertThat(rmi(RmiFunction.RMI_RTT_DATA_MAP, RD, IPA, IPA + 0x800, SINGLE, DATA)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
        assertThat(rmi(RmiFunction.RMI_RTT_DATA_MAP, RD, IPA, IPA + 0x3000, SINGLE, DATA)).isZero();
        assertThat(x(1)).isEqualTo(IPA + 0x1000);
        assertThat(state.granule(DATA)).isEqualTo(GranuleState.DATA);
        assertThat(rmi(RmiFunction.RMI_RTT_DATA_MAP, RD, IPA, IPA + 0x3000, SINGLE, DATA)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
        assertThat(x(1)).isEqualTo(IPA + 0x1000);
    }

    @Test
    @DisplayName("RTT_DATA_UNMAP unmaps the page at base into one range, and a missing page is SUCCESS up to the next live entry")
    void dataUnmap() {
        createRealm(RD, ROOT, 1);
        tables();
        delegate(DATA);
        rmi(RmiFunction.RMI_RTT_DATA_MAP, RD, IPA + 0x2000, IPA + 0x3000, SINGLE, DATA);
        assertThat(rmi(RmiFunction.RMI_RTT_DATA_UNMAP, RD, IPA, IPA + 0x10000, SINGLE, 0)).isZero();
        assertThat(x(1)).isEqualTo(IPA + 0x2000);
        assertThat(x(2)).isZero();
        assertThat(rmi(RmiFunction.RMI_RTT_DATA_UNMAP, RD, IPA + 0x2000, IPA + 0x10000, SINGLE, 0)).isZero();
        assertThat(x(2)).isEqualTo(DATA | 4);
        assertThat(x(1)).isEqualTo(IPA + 0x10000);
        assertThat(state.granule(DATA)).isEqualTo(GranuleState.DELEGATED);
        assertThat(rmi(RmiFunction.RMI_RTT_DATA_UNMAP, RD, IPA, IPA + 0x10000, 2, 0)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
    }

    private static final long REC = BASE + 0x6000;
    private static final long LIST = BASE + 0x9000;
    private static final long REC_PARAMS = BASE + 0xA000;
    private static final long AUX = BASE + 0x10000;
    private static final long ASK_DONATE = 0x10D;
    private static final long ASK_RECLAIM = 0x20D;
    private static final long ASK_CONTINUE = 0x00D;

    /** One RmiAddrRangeDesc4KB entry: {@code count} delegated 4 KiB granules from {@code base}. */
    private void list(long... baseAndCount) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < baseAndCount.length; i += 2) {
            b.putLong(i * 4, baseAndCount[i] | baseAndCount[i + 1] << 2);
        }
        memory.put(LIST, b.array());
    }

    private void recParams(long mpidr) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 1).putLong(0x100, mpidr).putLong(0x200, IPA);
        memory.put(REC_PARAMS, b.array());
    }

    private void startRecCreate() {
        createRealm(RD, ROOT, 1);
        for (int i = 0; i < 16; i++) {
            delegate(AUX + i * 0x1000L);
        }
        delegate(REC);
        recParams(0);
        assertThat(rmi(RmiFunction.RMI_REC_CREATE, RD, REC, REC_PARAMS)).isEqualTo(ASK_DONATE);
        assertThat(x(1)).isZero();
        assertThat(x(2)).isEqualTo(16 << 2);
        assertThat(state.granule(REC)).isEqualTo(GranuleState.PARTIAL);
    }

    @Test
    @DisplayName("REC_CREATE asks for 16 granules, takes them in two donations, creates the REC on RMI_OP_CONTINUE;"
            + " REC_DESTROY gives them back as one range")
    void recLifeCycle() {
        startRecCreate();
        list(AUX, 10);
        assertThat(rmi(RmiFunction.RMI_OP_MEM_DONATE, 0, LIST, 1)).isEqualTo(ASK_DONATE);
        assertThat(x(1)).isEqualTo(10);
        assertThat(x(2)).isEqualTo(6 << 2);
        list(AUX + 0xA000, 7);
        assertThat(rmi(RmiFunction.RMI_OP_MEM_DONATE, 0, LIST, 1)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
        list(AUX + 0xA000, 6);
        assertThat(rmi(RmiFunction.RMI_OP_CONTINUE, 0, 0)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
        assertThat(rmi(RmiFunction.RMI_OP_MEM_DONATE, 0, LIST, 1)).isEqualTo(ASK_CONTINUE);
        assertThat(x(1)).isEqualTo(6);
        assertThat(state.granule(AUX + 0xF000)).isEqualTo(GranuleState.REC_AUX);
        assertThat(rmi(RmiFunction.RMI_OP_CONTINUE, 0, 0)).isZero();
        assertThat(state.granule(REC)).isEqualTo(GranuleState.REC);
        assertThat(state.operations()).isEmpty();
        assertThat(rmi(RmiFunction.RMI_REALM_DESTROY, RD)).isEqualTo(RmiStatus.ERROR_REALM.packed());
        assertThat(rmi(RmiFunction.RMI_OP_CANCEL, 0)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
        assertThat(rmi(RmiFunction.RMI_REC_DESTROY, REC)).isEqualTo(ASK_RECLAIM);
        assertThat(rmi(RmiFunction.RMI_OP_MEM_RECLAIM, 0, LIST, 0)).isEqualTo(ASK_RECLAIM);
        assertThat(x(1)).isZero();
        assertThat(rmi(RmiFunction.RMI_OP_MEM_RECLAIM, 0, LIST, 16)).isEqualTo(ASK_CONTINUE);
        assertThat(x(1)).isEqualTo(1);
        assertThat(state.granule(AUX)).isEqualTo(GranuleState.DELEGATED);
        assertThat(rmi(RmiFunction.RMI_OP_CONTINUE, 0, 0)).isZero();
        assertThat(state.granule(REC)).isEqualTo(GranuleState.DELEGATED);
        assertThat(rmi(RmiFunction.RMI_REALM_DESTROY, RD)).isZero();
    }

    /** Answers each INCOMPLETE as {@code host} says, writing what it writes, until the operation ends; its status. */
    private long carry(RecOperationHost host, long x0) {
        for (int i = 0; i < RecOperationHost.MAX_CALLS && RecOperationHost.incomplete(x0); i++) {
            RecOperationHost.HostCall call = host.next(x0);
            call.write().ifPresent(w -> memory.put(w.address(), w.bytes()));
            last = (RmmOutcome.Answered) model.rmi(state, call.registers(), host());
            state = last.next();
            x0 = x(0);
        }
        return x0;
    }

    @Test
    @DisplayName("the host's side of a REC operation carries REC_CREATE and REC_DESTROY to success, each granule"
            + " donated one by one and reclaimed")
    void recOperationHostCarriesTheOperations() {
        startRecCreate();
        long[] aux = new long[16];
        for (int i = 0; i < aux.length; i++) {
            aux[i] = AUX + i * 0x1000L;
        }
        assertThat(carry(RecOperationHost.creating(x(1), LIST, aux, REC_PARAMS, memory.get(REC_PARAMS)), ASK_DONATE))
                .isZero();
        assertThat(state.granule(REC)).isEqualTo(GranuleState.REC);
        assertThat(state.granule(aux[15])).isEqualTo(GranuleState.REC_AUX);
        long destroy = rmi(RmiFunction.RMI_REC_DESTROY, REC);
        assertThat(destroy).isEqualTo(ASK_RECLAIM);
        assertThat(carry(RecOperationHost.destroying(x(1), LIST), destroy)).isZero();
        assertThat(state.granule(REC)).isEqualTo(GranuleState.DELEGATED);
        assertThat(state.granule(aux[0])).isEqualTo(GranuleState.DELEGATED);
        assertThat(state.operations()).isEmpty();
    }

    @Test
    @DisplayName("REC_CREATE in an active realm fails only on RMI_OP_CONTINUE, after the host reclaims what it donated")
    void recCreateActiveRealm() {
        startRecCreate();
        assertThat(rmi(RmiFunction.RMI_REALM_ACTIVATE, RD)).isZero();
        list(AUX, 16);
        assertThat(rmi(RmiFunction.RMI_OP_MEM_DONATE, 0, LIST, 1)).isEqualTo(ASK_CONTINUE);
        assertThat(rmi(RmiFunction.RMI_OP_CONTINUE, 0, 0)).isEqualTo(ASK_RECLAIM);
        assertThat(rmi(RmiFunction.RMI_OP_MEM_RECLAIM, 0, LIST, 4)).isEqualTo(ASK_RECLAIM);
        assertThat(x(1)).isEqualTo(1);
        assertThat(rmi(RmiFunction.RMI_OP_MEM_RECLAIM, 0, LIST, 100)).isEqualTo(ASK_CONTINUE);
        assertThat(rmi(RmiFunction.RMI_OP_CONTINUE, 0, 0)).isEqualTo(RmiStatus.ERROR_REALM.packed());
        assertThat(state.granule(REC)).isEqualTo(GranuleState.DELEGATED);
        assertThat(state.granule(AUX + 0xF000)).isEqualTo(GranuleState.DELEGATED);
    }

    @Test
    @DisplayName("a donation whose first granule is not delegated fails the operation: reclaim, then ERROR_INPUT")
    void donationOfUndelegated() {
        startRecCreate();
        list(BASE + 0x40000, 1);
        assertThat(rmi(RmiFunction.RMI_OP_MEM_DONATE, 0, LIST, 1)).isEqualTo(ASK_RECLAIM);
        assertThat(rmi(RmiFunction.RMI_OP_MEM_RECLAIM, 0, LIST, 16)).isEqualTo(ASK_CONTINUE);
        assertThat(x(1)).isZero();
        assertThat(rmi(RmiFunction.RMI_OP_CONTINUE, 0, 0)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
    }

    @Test
    @DisplayName("reclaimed granules that are not adjacent come back as one range each")
    void rangeCount() {
        assertThat(RecOperations.rangeCount(java.util.List.of(0x1000L, 0x2000L, 0x0L, 0x5000L, 0x3000L))).isEqualTo(2);
    }
}
