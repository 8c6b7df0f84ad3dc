package org.fwcts.testcases.rmm;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.fwcts.model.rmm.RealmParams;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RmmProfile;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.RequiresRmm;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.RealmAgent;
import org.fwcts.testcases.support.RealmSetup;
import org.fwcts.testcases.support.RecLifecycle;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.testcases.support.RmmHost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Realm and REC life cycle: creation with good and bad parameters, activation, entry, destruction. */
@ConformanceTest
@RequiresRmm
@Tag("rmm")
@Tag("area:rmm")
@FreshBoot("realms and granules from boot")
@DisplayName("RMI realm life cycle")
class RealmLifecycleTests {

    private static long page(RmmHost rmm, int index) {
        return RealmSetup.free(rmm, index);
    }

    /** A change that makes valid parameters invalid, given what the RMM reports in RMI_FEATURES. */
    private interface BadChange extends BiFunction<RealmParams, RmmProfile, RealmParams> {
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("s2sz 20, below 32", (BadChange) (p, rmm) -> p.withS2sz(20)),
                Arguments.of("s2sz 60, above the feature register", (BadChange) (p, rmm) -> p.withS2sz(60)),
                Arguments.of("hash algorithm 2", (BadChange) (p, rmm) -> p.withHashAlgorithm(2)),
                Arguments.of("two root RTTs where one is needed", (BadChange) (p, rmm) -> p.withRttNumStart(2)),
                Arguments.of("no breakpoints", (BadChange) (p, rmm) -> p.withBreakpoints(0)),
                Arguments.of("no watchpoints", (BadChange) (p, rmm) -> p.withWatchpoints(0)),
                // One past the limit also finds a bound checked with >= for >, not only a bound left out.
                Arguments.of("one breakpoint more than RMI_FEATURES reports",
                        (BadChange) (p, rmm) -> p.withBreakpoints(rmm.breakpoints() + 1)),
                Arguments.of("one watchpoint more than RMI_FEATURES reports",
                        (BadChange) (p, rmm) -> p.withWatchpoints(rmm.watchpoints() + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    @Tag("rule:RMM.REALM.PARAMS")
    @DisplayName("REALM_CREATE refuses invalid parameters with ERROR_INPUT and leaves the granules delegated")
    void badParameters(String why, BadChange change, RmmHost rmm) {
        long rd = page(rmm, 0);
        long root = page(rmm, 1);
        RealmSetup.delegate(rmm, rd);
        RealmSetup.delegate(rmm, root);
        byte[] params = change.apply(RealmParams.simple(RealmSetup.S2SZ, root, 1), rmm.model().profile()).encode();
        assertThatCall(rmm.call(RmmHost.writing(page(rmm, 2), params), RmiFunction.RMI_REALM_CREATE, rd, page(rmm, 2)))
                .matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_ACTIVATE, rd)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.REALM.CREATE")
    @DisplayName("REALM_CREATE refuses an RD that is not delegated and parameters in a delegated granule")
    void granuleStates(RmmHost rmm) {
        long rd = page(rmm, 0);
        long root = page(rmm, 1);
        RealmSetup.delegate(rmm, root);
        byte[] params = RealmParams.simple(RealmSetup.S2SZ, root, 1).encode();
        assertThatCall(rmm.call(RmmHost.writing(page(rmm, 2), params), RmiFunction.RMI_REALM_CREATE, rd, page(rmm, 2)))
                .matchesModel();
        RealmSetup.delegate(rmm, rd);
        RealmSetup.delegate(rmm, page(rmm, 3));
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_CREATE, rd, page(rmm, 3))).matchesModel();
    }

    @Test
    @Tag("rule:RMM.REALM.CREATE")
    @Tag("rule:RMM.REALM.ACTIVATE")
    @DisplayName("a new realm activates once; a second activation gives ERROR_REALM, a non-RD ERROR_INPUT")
    void activation(RmmHost rmm) {
        long rd = RealmSetup.createRealm(rmm);
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_ACTIVATE, rd)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_ACTIVATE, rd)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_ACTIVATE, page(rmm, 0))).matchesModel();
    }

    @Test
    @Tag("rule:RMM.REC.ENTER")
    @DisplayName("REC_ENTER into a realm still NEW gives (ERROR_REALM, 0); a granule that is no REC gives ERROR_INPUT")
    void enterBeforeActivation(RmmHost rmm) {
        long rd = RealmSetup.createRealm(rmm);
        assertThatCall(rmm.call(RmiFunction.RMI_REC_AUX_COUNT, rd)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_REC_ENTER, rd, page(rmm, 5))).matchesModel();
    }

    @Test
    @Tag("rule:RMM.REC.CREATE")
    @Tag("rule:RMM.REC.AUX_COUNT")
    @DisplayName("REC_CREATE in an active realm with a wrong MPIDR gives ERROR_REALM: the realm state is checked first")
    void recCreateOrder(RmmHost rmm) {
        long rd = RealmSetup.createRealm(rmm);
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_ACTIVATE, rd)).matchesModel();
        long rec = page(rmm, 0);
        RealmSetup.delegate(rmm, rec);
        long[] aux = delegatedAux(rmm, 2, rmm.model().profile().recCreateByDonation() ? 16 : 0);
        RecLifecycle.create(rmm, rd, rec, page(rmm, 1), RecLifecycle.params(rmm, 1, 5, RealmSetup.IMAGE_IPA, aux), aux,
                page(rmm, 21));
    }

    /** REC parameters: RUNNABLE as given, entry at the image, the MPIDR and auxiliary granules as given. */
    private static byte[] recParams(long flags, long mpidr, long[] aux) {
        java.nio.ByteBuffer params = java.nio.ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        params.putLong(0, flags).putLong(0x100, mpidr).putLong(0x200, RealmSetup.IMAGE_IPA).putLong(0x800, aux.length);
        for (int i = 0; i < aux.length && i < 16; i++) {
            params.putLong(0x808 + 8 * i, aux[i]);
        }
        return params.array();
    }

    private static long[] delegatedAux(RmmHost rmm, int first, int count) {
        long[] aux = new long[count];
        for (int i = 0; i < count; i++) {
            aux[i] = page(rmm, first + i);
            RealmSetup.delegate(rmm, aux[i]);
        }
        return aux;
    }

    @Test
    @Tag("rule:RMM.REC.CREATE")
    @DisplayName("REC_CREATE refuses too many auxiliary granules, one not delegated, a wrong MPIDR and a wrong count")
    void recCreateErrors(RmmHost rmm) {
        if (rmm.model().profile().recCreateByDonation()) {
            throw new org.opentest4j.TestAbortedException("RMI " + rmm.model().profile().rmiVersion() + " REC parameters"
                    + " list no auxiliary granules (they are donated): see the donation test");
        }
        long rd = RealmSetup.createRealm(rmm);
        long rec = page(rmm, 0);
        RealmSetup.delegate(rmm, rec);
        long params = page(rmm, 1);
        long[] aux = delegatedAux(rmm, 2, 16);
        long[] undelegated = aux.clone();
        undelegated[3] = page(rmm, 20);
        long[] tooMany = java.util.Arrays.copyOf(aux, 17);
        for (byte[] bad : new byte[][] {recParams(1, 0, tooMany), recParams(1, 0, undelegated), recParams(1, 1, aux),
                recParams(1, 0, java.util.Arrays.copyOf(aux, 15))}) {
            assertThatCall(rmm.call(RmmHost.writing(params, bad), RmiFunction.RMI_REC_CREATE, rd, rec, params))
                    .matchesModel();
        }
        assertThatCall(rmm.call(RmiFunction.RMI_REC_DESTROY, rec)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.REC.CREATE")
    @Tag("rule:RMM.REC.ENTER")
    @DisplayName("a REC created without RUNNABLE cannot be entered: ERROR_REC")
    void notRunnable(RmmHost rmm) {
        long rd = RealmSetup.createRealm(rmm);
        long rec = page(rmm, 0);
        RealmSetup.delegate(rmm, rec);
        long[] aux = delegatedAux(rmm, 2, 16);
        RecLifecycle.create(rmm, rd, rec, page(rmm, 1), RecLifecycle.params(rmm, 0, 0, RealmSetup.IMAGE_IPA, aux), aux,
                page(rmm, 21));
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_ACTIVATE, rd)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_REC_ENTER, rec, page(rmm, 19))).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_DESTROY, rd)).matchesModel();
        RecLifecycle.destroy(rmm, rec, page(rmm, 21));
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_DESTROY, rd)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_DESTROY, rd)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.REC.OPERATION")
    @DisplayName("RMI 2.0 REC_CREATE takes only what it asks for: too many granules, then an undelegated first granule"
            + " fail the donation; a wrong MPIDR fails on RMI_OP_CONTINUE after the granules are reclaimed")
    void donationErrors(RmmHost rmm) {
        if (!rmm.model().profile().recCreateByDonation()) {
            throw new org.opentest4j.TestAbortedException("RMI " + rmm.model().profile().rmiVersion()
                    + " lists auxiliary granules in the REC parameters: see the REC_CREATE error test");
        }
        long rd = RealmSetup.createRealm(rmm);
        long rec = page(rmm, 0);
        RealmSetup.delegate(rmm, rec);
        long[] aux = delegatedAux(rmm, 2, 17);
        long list = page(rmm, 21);
        CallCheck started = rmm.call(RmiFunction.RMI_REC_CREATE, rd, rec, page(rmm, 1));
        assertThatCall(started).matchesModel();
        long handle = ((org.fwcts.harness.agent.Observation.Completed) started.observation()).registers().x(1);
        assertThatCall(rmm.call(RmmHost.writing(list, ranges(aux)), RmiFunction.RMI_OP_MEM_DONATE, handle, list,
                aux.length)).matchesModel();
        assertThatCall(rmm.call(RmmHost.writing(list, ranges(page(rmm, 20))), RmiFunction.RMI_OP_MEM_DONATE, handle, list,
                1)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_OP_MEM_RECLAIM, handle, list, 16)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_OP_CONTINUE, handle, 0)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_OP_CONTINUE, handle, 0)).matchesModel();
        RecLifecycle.create(rmm, rd, rec, page(rmm, 1), RecLifecycle.params(rmm, 1, 1, RealmSetup.IMAGE_IPA, aux),
                java.util.Arrays.copyOf(aux, 16), list);
    }

    /** An address list of one 4 KiB granule per entry (RmiAddrRangeDesc4KB, count 1). */
    private static byte[] ranges(long... granules) {
        java.nio.ByteBuffer list = java.nio.ByteBuffer.allocate(8 * granules.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < granules.length; i++) {
            list.putLong(8 * i, granules[i] | 1L << 2);
        }
        return list.array();
    }

    @Test
    @Tag("rule:RMM.REALM.DESTROY")
    @Tag("rule:RMM.REC.DESTROY")
    @Tag("rule:RMM.RTT.DESTROY")
    @Tag("rule:RMM.DATA.DESTROY")
    @Tag("rule:RMM.GRANULE.UNDELEGATE")
    @DisplayName("a realm's whole life: created, run to its banner, then torn down to undelegated granules")
    void wholeLife(RmmHost rmm) {
        RealmAgent realm = RealmSetup.running(rmm);
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_DESTROY, realm.rd())).matchesModel();
        RecLifecycle.destroy(rmm, realm.rec(), RealmSetup.operationList(rmm));
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_DESTROY, realm.rd())).matchesModel();
        for (int i = 0; i < realm.imageGranules(); i++) {
            assertThatCall(rmm.dataDestroy(realm.rd(), RealmSetup.IMAGE_IPA + 0x1000L * i))
                    .matchesModel();
        }
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_READ_ENTRY, realm.rd(), RealmSetup.IMAGE_IPA, 3)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_DESTROY, realm.rd(), RealmSetup.IMAGE_IPA, 3)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_DESTROY, realm.rd(), RealmSetup.IMAGE_IPA, 2)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_DESTROY, realm.rd())).matchesModel();
        assertThatCall(RealmSetup.undelegate(rmm, realm.rd())).matchesModel();
    }
}
