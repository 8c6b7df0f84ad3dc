package org.fwcts.testcases.rmm;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.RealmAgent;
import org.fwcts.testcases.support.RealmSetup;
import org.fwcts.testcases.support.RequiresRmm;
import org.fwcts.testcases.support.RmmHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PSCI from inside a realm with two RECs: what the RMM answers itself, the CPU_ON and AFFINITY_INFO exits the host
 * completes with RMI_PSCI_COMPLETE, and the REC that cannot run until it does; every entry and exit is judged.
 */
@ConformanceTest
@RequiresRmm
@Tag("rmm")
@Tag("area:rmm")
@FreshBoot("a realm of its own")
@DisplayName("PSCI from a realm")
class RealmPsciTests {
    private static final long VERSION = 0x8400_0000L;
    private static final long FEATURES = 0x8400_000AL;
    private static final long CPU_ON = 0xC400_0003L;
    private static final long AFFINITY_INFO = 0xC400_0004L;
    private static final long SYSTEM_OFF = 0x8400_0008L;
    private static final long MIGRATE = 0xC400_0005L;
    private static final long SUCCESS = 0;
    private static final long DENIED = -3;
    private RealmAgent realm;
    private long second;

    @BeforeEach
    void running(RmmHost rmm) {
        realm = RealmSetup.runningWithSecondRec(rmm);
        second = RealmSetup.secondRec(rmm);
    }

    @Test
    @Tag("rule:RMM.PSCI.REALM")
    @DisplayName("the RMM answers PSCI_VERSION (1.1) and PSCI_FEATURES itself, and calls about the calling REC or no REC")
    void answeredByTheRmm() {
        assertThatCall(realm.smc(VERSION)).matchesModel();
        assertThatCall(realm.smc(FEATURES, CPU_ON)).matchesModel();
        assertThatCall(realm.smc(FEATURES, SYSTEM_OFF)).matchesModel();
        assertThatCall(realm.smc(FEATURES, MIGRATE)).matchesModel();
        assertThatCall(realm.smc(CPU_ON, 0, RealmSetup.IMAGE_IPA, 0)).matchesModel();
        assertThatCall(realm.smc(CPU_ON, 5, RealmSetup.IMAGE_IPA, 0)).matchesModel();
        assertThatCall(realm.smc(CPU_ON, 1, realm.unprotectedBase(), 0)).matchesModel();
        assertThatCall(realm.smc(AFFINITY_INFO, 0, 0)).matchesModel();
        assertThatCall(realm.smc(AFFINITY_INFO, 1, 1)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.PSCI.REALM")
    @Tag("rule:RMM.PSCI.COMPLETE")
    @DisplayName("AFFINITY_INFO of the other REC exits to the host; the REC waits for RMI_PSCI_COMPLETE, then sees OFF")
    void affinityInfo(RmmHost rmm) {
        assertThatCall(realm.smc(AFFINITY_INFO, 1, 0)).matchesModel();
        assertThatCall(realm.resume(0, 0)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_PSCI_COMPLETE, realm.rec(), realm.rec(), SUCCESS)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_PSCI_COMPLETE, realm.rec(), second, DENIED)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_PSCI_COMPLETE, realm.rec(), second, SUCCESS)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_PSCI_COMPLETE, realm.rec(), second, SUCCESS)).matchesModel();
        assertThatCall(realm.resume(0, 0)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.PSCI.REALM")
    @Tag("rule:RMM.PSCI.COMPLETE")
    @DisplayName("CPU_ON of the other REC: the host may deny it; once it completes it, the REC is on and"
            + " AFFINITY_INFO says so, and a second CPU_ON is ALREADY_ON")
    void cpuOn(RmmHost rmm) {
        assertThatCall(realm.smc(CPU_ON, 1, RealmSetup.IMAGE_IPA, 0x1234)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_PSCI_COMPLETE, realm.rec(), second, 1)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_PSCI_COMPLETE, realm.rec(), second, DENIED)).matchesModel();
        assertThatCall(realm.resume(0, 0)).matchesModel();
        assertThatCall(realm.smc(CPU_ON, 1, RealmSetup.IMAGE_IPA, 0x1234)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_PSCI_COMPLETE, realm.rec(), second, SUCCESS)).matchesModel();
        assertThatCall(realm.resume(0, 0)).matchesModel();
        assertThatCall(realm.smc(AFFINITY_INFO, 1, 0)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_PSCI_COMPLETE, realm.rec(), second, SUCCESS)).matchesModel();
        assertThatCall(realm.resume(0, 0)).matchesModel();
        assertThatCall(realm.smc(CPU_ON, 1, RealmSetup.IMAGE_IPA, 0x1234)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_PSCI_COMPLETE, realm.rec(), second, DENIED)).matchesModel();
        assertThatCall(realm.resume(0, 0)).matchesModel();
    }
}
