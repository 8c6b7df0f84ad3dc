package org.fwcts.testcases.rmm;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RsiFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.RequiresRmm;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.RealmAgent;
import org.fwcts.testcases.support.RealmSetup;
import org.fwcts.testcases.support.RmmHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * RSI calls made inside a realm by the realm agent, and RIPAS changes the realm asks for and the
 * host accepts or rejects; every REC entry and exit is judged.
 */
@ConformanceTest
@RequiresRmm
@Tag("rmm")
@Tag("area:rmm")
@FreshBoot("a realm of its own")
@DisplayName("RSI from a realm")
class RealmExecutionTests {
    /** A protected page past the largest image: RIPAS EMPTY, unassigned. */
    private static final long EMPTY_PAGE = RealmSetup.IMAGE_IPA + 0x10000;
    private RealmAgent realm;

    @BeforeEach
    void running(RmmHost rmm) {
        realm = RealmSetup.running(rmm);
    }

    @Test
    @Tag("rule:RMM.RSI.VERSION")
    @Tag("rule:RMM.REC.EXIT")
    @Tag("rule:RMM.REALM_AGENT")
    @DisplayName("RSI_VERSION answers the implemented revision, and an unknown one with ERROR_INPUT")
    void version() {
        assertThatCall(realm.rsi(RsiFunction.RSI_VERSION, 0x10000)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_VERSION, 0x30000)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RSI.MEASUREMENT")
    @DisplayName("RSI_MEASUREMENT_EXTEND makes a REM H(REM || bytes), read back by RSI_MEASUREMENT_READ; the RIM, index 5"
            + " and 65 bytes cannot be extended")
    void measurements() {
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_READ, 1)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_EXTEND, 1, 16, 0x0123_4567_89AB_CDEFL, 0xFEDC_BA98_7654_3210L))
                .matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_READ, 1)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_EXTEND, 1, 64, 1, 2, 3, 4, 5, 6, 7, 8)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_READ, 1)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_EXTEND, 4, 3, 0xABCDEF)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_READ, 4)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_READ, 2)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_EXTEND, 0, 8, 1)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_EXTEND, 5, 8, 1)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_EXTEND, 2, 65, 1)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_READ, 0)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_MEASUREMENT_READ, 5)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RSI.FEATURES")
    @DisplayName("RSI_FEATURES answers zero")
    void features() {
        assertThatCall(realm.rsi(RsiFunction.RSI_FEATURES, 0)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RSI.REALM_CONFIG")
    @DisplayName("RSI_REALM_CONFIG succeeds into the realm's own RAM and refuses RIPAS EMPTY and unprotected IPAs")
    void realmConfig() {
        assertThatCall(realm.rsi(RsiFunction.RSI_REALM_CONFIG, RealmSetup.IMAGE_IPA)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_REALM_CONFIG, EMPTY_PAGE)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_REALM_CONFIG, realm.unprotectedBase())).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RSI.IPA_STATE_GET")
    @DisplayName("RSI_IPA_STATE_GET reports RAM over the image and EMPTY beyond, and refuses an empty range")
    void ipaStateGet() {
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_GET, RealmSetup.IMAGE_IPA, EMPTY_PAGE + 0x1000)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_GET, EMPTY_PAGE, EMPTY_PAGE + 0x2000)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_GET, EMPTY_PAGE, EMPTY_PAGE)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RSI.IPA_STATE_SET")
    @Tag("rule:RMM.RTT.SET_RIPAS")
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @DisplayName("a RIPAS change to RAM exits to the host, which applies it; the realm sees it accepted")
    void ripasChangeAccepted(RmmHost rmm) {
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_SET, EMPTY_PAGE, EMPTY_PAGE + 0x2000, 1, 0)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_SET_RIPAS, realm.rd(), realm.rec(), EMPTY_PAGE + 0x1000,
                EMPTY_PAGE + 0x2000)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_SET_RIPAS, realm.rd(), realm.rec(), EMPTY_PAGE, EMPTY_PAGE + 0x2000))
                .matchesModel();
        assertThatCall(realm.resume(0, 0)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_READ_ENTRY, realm.rd(), EMPTY_PAGE + 0x1000, 3)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_GET, EMPTY_PAGE, EMPTY_PAGE + 0x2000)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RTT.SET_RIPAS")
    @DisplayName("RTT_SET_RIPAS refuses a range other than the pending one, and any range when none is pending")
    void setRipasErrors(RmmHost rmm) {
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_SET_RIPAS, realm.rd(), realm.rec(), EMPTY_PAGE, EMPTY_PAGE + 0x1000))
                .matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_SET, EMPTY_PAGE, EMPTY_PAGE + 0x1000, 1, 0)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_SET_RIPAS, realm.rd(), realm.rec(), EMPTY_PAGE + 0x1000,
                EMPTY_PAGE + 0x2000)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_SET_RIPAS, realm.rd(), realm.rec(), EMPTY_PAGE, EMPTY_PAGE + 0x2000))
                .matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_SET_RIPAS, realm.rd(), realm.rec(), EMPTY_PAGE + 0x1000, EMPTY_PAGE))
                .matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_SET_RIPAS, realm.rd(), realm.rec(), EMPTY_PAGE, EMPTY_PAGE + 0x1000))
                .matchesModel();
        assertThatCall(realm.resume(0, 0)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RSI.IPA_STATE_SET")
    @DisplayName("a RIPAS change the host does not apply and rejects comes back to the realm as REJECT")
    void ripasChangeRejected() {
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_SET, EMPTY_PAGE, EMPTY_PAGE + 0x1000, 1, 0)).matchesModel();
        assertThatCall(realm.resume(RealmCall.FLAG_RIPAS_REJECT, 0)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_GET, EMPTY_PAGE, EMPTY_PAGE + 0x1000)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RSI.IPA_STATE_SET")
    @DisplayName("RSI_IPA_STATE_SET of an unprotected range or an invalid RIPAS returns ERROR_INPUT to the realm")
    void ripasChangeInvalid() {
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_SET, realm.unprotectedBase(), realm.unprotectedBase() + 0x1000,
                1, 0)).matchesModel();
        assertThatCall(realm.rsi(RsiFunction.RSI_IPA_STATE_SET, EMPTY_PAGE, EMPTY_PAGE + 0x1000, 2, 0)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.IPA.UNASSIGNED_RAM_EXIT")
    @Tag("rule:RMM.DATA.CREATE_UNKNOWN")
    @DisplayName("a RAM page without data exits to the host until the host gives it a granule")
    void unassignedRam(RmmHost rmm) {
        RealmSetup.ramWithoutData(rmm, realm, EMPTY_PAGE);
        assertThatCall(realm.load(EMPTY_PAGE)).matchesModel();
        long data = RealmSetup.free(rmm, 0);
        RealmSetup.delegate(rmm, data);
        assertThatCall(rmm.dataCreateUnknown(realm.rd(), data, EMPTY_PAGE)).matchesModel();
        assertThatCall(realm.resume(0, 0)).matchesModel();
    }
}
