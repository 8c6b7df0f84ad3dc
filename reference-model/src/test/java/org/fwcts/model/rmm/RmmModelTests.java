package org.fwcts.model.rmm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.prediction.RegisterPrediction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The RMM model (RMI 1.0, TF-RMM v0.8.0)")
class RmmModelTests {
    private static final long BASE = 0x7000_0000L;
    private static final long RD = BASE;
    private static final long ROOT = BASE + 0x1000;
    private static final long PARAMS = BASE + 0x2000;
    private static final long L2 = BASE + 0x3000;
    private static final long L3 = BASE + 0x4000;
    private static final long DATA = BASE + 0x5000;
    private static final long REC = BASE + 0x6000;
    private static final long RUN = BASE + 0x7000;
    private static final long AUX = BASE + 0x10000;
    private static final long SECOND_REC = BASE + 0xB000;

    private final RmmModel model = new RmmModel(RmmProfile.TF_RMM_0_8);
    private final Map<Long, byte[]> memory = new HashMap<>();
    private RmmState state;

    @BeforeEach
    void boot() {
        state = model.freshBoot();
    }

    private HostMemory host() {
        return (address, length) -> Optional.ofNullable(memory.get(address)).map(b -> java.util.Arrays.copyOf(b, length));
    }

    private long rmi(RmiFunction function, long... args) {
        long[] x = new long[args.length + 1];
        x[0] = function.id();
        System.arraycopy(args, 0, x, 1, args.length);
        RmmOutcome.Answered answered = (RmmOutcome.Answered) model.rmi(state, Registers.of(x), host());
        state = answered.next();
        return value(answered.prediction().registers().get(0));
    }

    private static long value(RegisterPrediction prediction) {
        return ((RegisterPrediction.Exact) prediction).value();
    }

    private void createRealm() {
        for (long granule : new long[] {RD, ROOT}) {
            assertThat(rmi(RmiFunction.RMI_GRANULE_DELEGATE, granule)).isZero();
        }
        memory.put(PARAMS, RealmParams.simple(39, ROOT, 1).encode());
        assertThat(rmi(RmiFunction.RMI_REALM_CREATE, RD, PARAMS)).isZero();
    }

    @Test
    @DisplayName("delegation changes a granule's state and a second delegation fails with ERROR_INPUT")
    void delegation() {
        assertThat(rmi(RmiFunction.RMI_GRANULE_DELEGATE, BASE)).isZero();
        assertThat(state.granule(BASE)).isEqualTo(GranuleState.DELEGATED);
        assertThat(rmi(RmiFunction.RMI_GRANULE_DELEGATE, BASE)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
        assertThat(rmi(RmiFunction.RMI_GRANULE_DELEGATE, BASE + 8)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
        assertThat(rmi(RmiFunction.RMI_GRANULE_UNDELEGATE, BASE)).isZero();
        assertThat(state.granule(BASE)).isEqualTo(GranuleState.UNDELEGATED);
    }

    @Test
    @DisplayName("a realm's root RTT starts UNASSIGNED: RIPAS EMPTY below the split, NS above")
    void rootEntries() {
        createRealm();
        Realm realm = state.realm(RD).orElseThrow();
        assertThat(Walk.of(state, realm, 0, 1).entry()).isEqualTo(RttEntry.UNASSIGNED_EMPTY);
        assertThat(Walk.of(state, realm, realm.unprotectedBase(), 1).entry()).isEqualTo(RttEntry.UNASSIGNED_NS);
    }

    @Test
    @DisplayName("RTT_CREATE reports the walk level when the parent table is missing, and level-1 when it exists")
    void rttCreateIndex() {
        createRealm();
        rmi(RmiFunction.RMI_GRANULE_DELEGATE, L3);
        assertThat(rmi(RmiFunction.RMI_RTT_CREATE, RD, L3, 0x4000_0000L, 3)).isEqualTo(RmiStatus.ERROR_RTT.with(1));
        rmi(RmiFunction.RMI_GRANULE_DELEGATE, L2);
        assertThat(rmi(RmiFunction.RMI_RTT_CREATE, RD, L2, 0x4000_0000L, 2)).isZero();
        assertThat(rmi(RmiFunction.RMI_RTT_CREATE, RD, L3, 0x4000_0000L, 3)).isZero();
        rmi(RmiFunction.RMI_GRANULE_DELEGATE, DATA);
        assertThat(rmi(RmiFunction.RMI_RTT_CREATE, RD, DATA, 0x4000_0000L, 3)).isEqualTo(RmiStatus.ERROR_RTT.with(2));
    }

    @Test
    @DisplayName("RTT_MAP_UNPROTECTED takes only the address, MemAttr [4:2] and S2AP [7:6] from the host descriptor")
    void hostDescriptor() {
        createRealm();
        long ipa = state.realm(RD).orElseThrow().unprotectedBase();
        long block = 0x8000_0000L;
        long normalReadWrite = 0xD8;
        long input = RmiStatus.ERROR_INPUT.packed();
        assertThat(rmi(RmiFunction.RMI_RTT_MAP_UNPROTECTED, RD, ipa, 1, block | normalReadWrite | 0x300)).isEqualTo(input);
        assertThat(rmi(RmiFunction.RMI_RTT_MAP_UNPROTECTED, RD, ipa, 1, block | 0x10 | 0xC0)).isEqualTo(input);
        assertThat(rmi(RmiFunction.RMI_RTT_MAP_UNPROTECTED, RD, ipa, 1, block + 0x1000 | normalReadWrite)).isEqualTo(input);
        assertThat(rmi(RmiFunction.RMI_RTT_MAP_UNPROTECTED, RD, 0, 1, block | normalReadWrite)).isEqualTo(input);
        assertThat(rmi(RmiFunction.RMI_RTT_MAP_UNPROTECTED, RD, ipa, 1, block | normalReadWrite)).isZero();
        long[] read = {RmiFunction.RMI_RTT_READ_ENTRY.id(), RD, ipa, 1};
        RmmOutcome.Answered entry = (RmmOutcome.Answered) model.rmi(state, Registers.of(read), host());
        assertThat(value(entry.prediction().registers().get(3))).isEqualTo(block | normalReadWrite);
    }

    @Test
    @DisplayName("RTT_FOLD folds a uniform RTT into its parent entry and refuses a mixed one with (ERROR_RTT, level)")
    void fold() {
        createRealm();
        rmi(RmiFunction.RMI_GRANULE_DELEGATE, L2);
        rmi(RmiFunction.RMI_RTT_CREATE, RD, L2, 0x4000_0000L, 2);
        assertThat(rmi(RmiFunction.RMI_RTT_FOLD, RD, 0x4000_0000L, 3)).isEqualTo(RmiStatus.ERROR_RTT.with(2));
        rmi(RmiFunction.RMI_GRANULE_DELEGATE, L3);
        rmi(RmiFunction.RMI_RTT_CREATE, RD, L3, 0x4000_0000L, 3);
        assertThat(rmi(RmiFunction.RMI_RTT_INIT_RIPAS, RD, 0x4000_0000L, 0x4000_1000L)).isZero();
        assertThat(rmi(RmiFunction.RMI_RTT_FOLD, RD, 0x4000_0000L, 3)).isEqualTo(RmiStatus.ERROR_RTT.with(3));
        assertThat(rmi(RmiFunction.RMI_RTT_INIT_RIPAS, RD, 0x4000_1000L, 0x4020_0000L)).isZero();
        assertThat(rmi(RmiFunction.RMI_RTT_FOLD, RD, 0x4000_0000L, 3)).isZero();
        assertThat(state.granule(L3)).isEqualTo(GranuleState.DELEGATED);
        Realm realm = state.realm(RD).orElseThrow();
        Walk walk = Walk.of(state, realm, 0x4000_0000L, 3);
        assertThat(walk.level()).isEqualTo(2);
        assertThat(walk.entry()).isEqualTo(RttEntry.UNASSIGNED_RAM);
    }

    @Test
    @DisplayName("host mappings hold no reference on their RTT: RTT_DESTROY takes an RTT that maps only host memory")
    void nsMappingsDoNotPinTheirTable() {
        createRealm();
        long ipa = state.realm(RD).orElseThrow().unprotectedBase();
        rmi(RmiFunction.RMI_GRANULE_DELEGATE, L2);
        assertThat(rmi(RmiFunction.RMI_RTT_CREATE, RD, L2, ipa, 2)).isZero();
        assertThat(rmi(RmiFunction.RMI_RTT_MAP_UNPROTECTED, RD, ipa, 2, 0x8000_0000L | 0xD8)).isZero();
        assertThat(rmi(RmiFunction.RMI_RTT_DESTROY, RD, ipa, 2)).isZero();
    }

    @Nested
    @DisplayName("with a running realm agent")
    class Running {
        @BeforeEach
        void setUp() {
            createRealm();
            rmi(RmiFunction.RMI_GRANULE_DELEGATE, L2);
            rmi(RmiFunction.RMI_RTT_CREATE, RD, L2, 0x4000_0000L, 2);
            rmi(RmiFunction.RMI_GRANULE_DELEGATE, L3);
            rmi(RmiFunction.RMI_RTT_CREATE, RD, L3, 0x4000_0000L, 3);
            rmi(RmiFunction.RMI_GRANULE_DELEGATE, DATA);
            memory.put(BASE + 0x8000, new byte[4096]);
            assertThat(rmi(RmiFunction.RMI_DATA_CREATE, RD, DATA, 0x4000_0000L, BASE + 0x8000, 0)).isZero();
            ByteBuffer params = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
            params.putLong(0, 1).putLong(0x200, 0x4000_0000L).putLong(0x800, 16);
            for (int i = 0; i < 16; i++) {
                rmi(RmiFunction.RMI_GRANULE_DELEGATE, AUX + i * 0x1000L);
                params.putLong(0x808 + 8 * i, AUX + i * 0x1000L);
            }
            memory.put(BASE + 0x9000, params.array());
            rmi(RmiFunction.RMI_GRANULE_DELEGATE, REC);
            assertThat(rmi(RmiFunction.RMI_REC_CREATE, RD, REC, BASE + 0x9000)).isZero();
            ByteBuffer second = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
            second.putLong(0, 0).putLong(0x100, 1).putLong(0x200, 0x4000_0000L).putLong(0x800, 16);
            for (int i = 0; i < 16; i++) {
                rmi(RmiFunction.RMI_GRANULE_DELEGATE, AUX + 0x10000 + i * 0x1000L);
                second.putLong(0x808 + 8 * i, AUX + 0x10000 + i * 0x1000L);
            }
            memory.put(BASE + 0xA000, second.array());
            rmi(RmiFunction.RMI_GRANULE_DELEGATE, SECOND_REC);
            assertThat(rmi(RmiFunction.RMI_REC_CREATE, RD, SECOND_REC, BASE + 0xA000)).isZero();
            assertThat(rmi(RmiFunction.RMI_REALM_ACTIVATE, RD)).isZero();
        }

        private Registers realm(long... command) {
            long[] x = java.util.Arrays.copyOf(command, Registers.COUNT);
            x[RealmCall.RUN] = RUN;
            RmmOutcome.Answered answered = (RmmOutcome.Answered) model.realm(state, 0, Registers.of(x), host());
            state = answered.next();
            long[] result = new long[Registers.COUNT];
            for (int i = 0; i < Registers.COUNT; i++) {
                RegisterPrediction p = answered.prediction().registers().get(i);
                result[i] = p instanceof RegisterPrediction.Exact exact ? exact.value() : 0;
            }
            return Registers.of(result);
        }

        @Test
        @DisplayName("the first entry reports the banner; an unprotected access exits with the IPA's top bit in HPFAR")
        void unprotectedExit() {
            assertThat(realm(RealmCall.CONTINUE).x(2)).isEqualTo(RealmCall.KIND_BANNER);
            long ipa = (1L << 38) + 0x1000;
            Registers exit = realm(RealmCall.LOAD64, ipa);
            assertThat(exit.x(1)).isEqualTo(RealmCall.EXIT_SYNC);
            assertThat(exit.x(4)).isEqualTo((ipa >>> 12) << 4);
            Registers done = realm(RealmCall.CONTINUE, 0x1234, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    RealmCall.FLAG_EMULATED_MMIO);
            assertThat(done.x(1)).isEqualTo(RealmCall.EXIT_HOST_CALL);
            assertThat(done.x(7)).isEqualTo(0x1234);
        }

        @Test
        @DisplayName("an access to RIPAS EMPTY faults in the realm; RSI_VERSION answers 1.0")
        void emptyFaults() {
            realm(RealmCall.CONTINUE);
            assertThat(realm(RealmCall.LOAD64, 0x4000_1000L).x(3)).isEqualTo(RealmCall.STATUS_EXCEPTION);
            Registers version = realm(RealmCall.RSI, RsiFunction.RSI_VERSION.id(), 0x10000);
            assertThat(version.x(7)).isZero();
            assertThat(version.x(8)).isEqualTo(0x10000);
        }

        @Test
        @DisplayName("RSI_MEASUREMENT_EXTEND hashes the REM with the bytes (SHA-256 here); READ returns it in x1..x4")
        void measurementExtend() throws Exception {
            realm(RealmCall.CONTINUE);
            assertThat(realm(RealmCall.RSI, RsiFunction.RSI_MEASUREMENT_EXTEND.id(), 2, 3, 0xABCDEF).x(7)).isZero();
            Registers read = realm(RealmCall.RSI, RsiFunction.RSI_MEASUREMENT_READ.id(), 2);
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(new byte[32]);
            sha.update(new byte[] {(byte) 0xEF, (byte) 0xCD, (byte) 0xAB});
            ByteBuffer expected = ByteBuffer.wrap(sha.digest()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 4; i++) {
                assertThat(read.x(8 + i)).isEqualTo(expected.getLong(8 * i));
            }
            assertThat(read.x(12)).isZero();
            assertThat(realm(RealmCall.RSI, RsiFunction.RSI_MEASUREMENT_EXTEND.id(), 0, 8, 1).x(7)).isEqualTo(1);
        }

        @Test
        @DisplayName("RSI_ATTEST_TOKEN_CONTINUE checks the buffer, then the protected half, then INIT; copies INCOMPLETE"
                + " up to the token's lower bound and completes at its upper bound, after which no token is started")
        void attestation() {
            long token = RsiFunction.RSI_ATTEST_TOKEN_CONTINUE.id();
            long buffer = 0x4000_0000L;
            realm(RealmCall.CONTINUE);
            assertThat(realm(RealmCall.RSI, token, buffer, 0, 64).x(7)).isEqualTo(Attestation.RSI_ERROR_STATE);
            assertThat(realm(RealmCall.RSI, token, buffer + 8, 0, 64).x(7)).isEqualTo(RsiCommands.RSI_ERROR_INPUT);
            assertThat(realm(RealmCall.RSI, token, buffer, 4000, 97).x(7)).isEqualTo(RsiCommands.RSI_ERROR_INPUT);
            assertThat(realm(RealmCall.RSI, token, 1L << 38, 0, 64).x(7)).isEqualTo(RsiCommands.RSI_ERROR_INPUT);
            Registers init = realm(RealmCall.RSI, RsiFunction.RSI_ATTEST_TOKEN_INIT.id(), 1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(init.x(7)).isZero();
            assertThat(init.x(8)).isEqualTo(4096);
            assertThat(realm(RealmCall.RSI, token, 0x4000_1000L, 0, 64).x(7)).isEqualTo(RsiCommands.RSI_ERROR_INPUT);
            assertThat(realm(RealmCall.RSI, token, buffer, 0, 0).x(7)).isEqualTo(Attestation.RSI_INCOMPLETE);
            Registers part = realm(RealmCall.RSI, token, buffer, 0, 128);
            assertThat(part.x(7)).isEqualTo(Attestation.RSI_INCOMPLETE);
            assertThat(part.x(8)).isEqualTo(128);
            long[] middle = java.util.Arrays.copyOf(new long[] {RealmCall.RSI, token, buffer, 128, 1000}, Registers.COUNT);
            middle[RealmCall.RUN] = RUN;
            assertThat(model.realm(state, 0, Registers.of(middle), host())).isInstanceOf(RmmOutcome.Unmodelled.class);
            assertThat(realm(RealmCall.RSI, token, buffer, 128, 4096 - 128).x(7)).isZero();
            assertThat(realm(RealmCall.RSI, token, buffer, 0, 64).x(7)).isEqualTo(Attestation.RSI_ERROR_STATE);
            assertThat(realm(RealmCall.READ, buffer, 88).x(3)).isEqualTo(RealmCall.STATUS_OK);
            assertThat(realm(RealmCall.READ, buffer, 161).x(3)).isEqualTo(RealmCall.STATUS_BAD_ARGUMENT);
        }

        @Test
        @DisplayName("CPU_ON of REC 1 exits with PSCI; REC 0 cannot run until RMI_PSCI_COMPLETE, which makes REC 1 runnable")
        void psciCpuOn() {
            realm(RealmCall.CONTINUE);
            assertThat(realm(RealmCall.RSI, 0x8400_0000L).x(7)).isEqualTo(0x10001);
            Registers exit = realm(RealmCall.RSI, 0xC400_0003L, 1, 0x4000_0000L, 7);
            assertThat(exit.x(1)).isEqualTo(RealmCall.EXIT_PSCI);
            assertThat(exit.x(3)).isEqualTo(1);
            long[] enter = {RmiFunction.RMI_REC_ENTER.id(), REC, RUN};
            memory.put(RUN, new byte[4096]);
            RmmOutcome.Answered refused = (RmmOutcome.Answered) model.rmi(state, Registers.of(enter), host());
            assertThat(value(refused.prediction().registers().get(0))).isEqualTo(RmiStatus.ERROR_REC.packed());
            assertThat(rmi(RmiFunction.RMI_PSCI_COMPLETE, REC, REC, 0)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
            assertThat(rmi(RmiFunction.RMI_PSCI_COMPLETE, REC, SECOND_REC, 0)).isZero();
            assertThat(state.rec(SECOND_REC).orElseThrow().runnable()).isTrue();
            assertThat(realm(RealmCall.CONTINUE).x(7)).isZero();
            assertThat(realm(RealmCall.RSI, 0xC400_0003L, 1, 0x4000_0000L, 7).x(1)).isEqualTo(RealmCall.EXIT_PSCI);
            assertThat(rmi(RmiFunction.RMI_PSCI_COMPLETE, REC, SECOND_REC, -3)).isEqualTo(RmiStatus.ERROR_INPUT.packed());
            assertThat(realm(RealmCall.CONTINUE).x(7)).isEqualTo(-4);
        }

        @Test
        @DisplayName("REALM_DESTROY fails with ERROR_REALM while a REC exists, and REC_CREATE on an active realm with ERROR_REALM")
        void destroyOrder() {
            assertThat(rmi(RmiFunction.RMI_REALM_DESTROY, RD)).isEqualTo(RmiStatus.ERROR_REALM.packed());
            assertThat(rmi(RmiFunction.RMI_REC_DESTROY, REC)).isZero();
            assertThat(rmi(RmiFunction.RMI_REALM_DESTROY, RD)).isEqualTo(RmiStatus.ERROR_REALM.packed());
        }
    }
}
