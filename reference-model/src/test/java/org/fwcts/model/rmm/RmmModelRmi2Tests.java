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

    @Test
    @DisplayName("REC_CREATE, a stateful operation under RMI 2.0, is not modelled and says why")
    void recCreateUnmodelled() {
        createRealm(RD, ROOT, 1);
        RmmOutcome outcome = model.rmi(state, Registers.of(RmiFunction.RMI_REC_CREATE.id(), RD, BASE + 0x6000, PARAMS), host());
        assertThat(outcome).isInstanceOf(RmmOutcome.Unmodelled.class);
        assertThat(((RmmOutcome.Unmodelled) outcome).reason()).contains("RMI_OP_MEM_DONATE");
    }
}
