package org.fwcts.testcases.rmm;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.RmiFunction;
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
 * The split of a realm's IPA space at its top bit, as Linux's realm guest support relies on it:
 * memory shared with the host lives in the upper (unprotected) half only, an unmapped
 * unprotected access is the host's to emulate, and protected RIPAS EMPTY faults in the realm.
 */
@ConformanceTest
@RequiresRmm
@Tag("rmm")
@Tag("area:rmm")
@FreshBoot("a realm of its own")
@DisplayName("Realm IPA space: protected and unprotected halves")
class RealmIpaSplitTests {
    /** The protected page past the largest image (RIPAS EMPTY) and its unprotected alias. */
    private static final long PROTECTED = RealmSetup.IMAGE_IPA + 0x10000;
    private static final long PATTERN = 0x5348_4152_4544_2121L;
    private RealmAgent realm;

    @BeforeEach
    void running(RmmHost rmm) {
        realm = RealmSetup.running(rmm);
    }

    private long unprotected() {
        return realm.unprotectedBase() + PROTECTED;
    }

    @Test
    @Tag("rule:RMM.IPA.UNPROTECTED_EXIT")
    @Tag("rule:RMM.IPA.MMIO_SYNDROME")
    @DisplayName("a load from an unmapped unprotected IPA exits as a data abort with the top bit in HPFAR; the host"
            + " emulates it")
    void unmappedUnprotectedLoad() {
        assertThatCall(realm.load(unprotected())).matchesModel();
        assertThatCall(realm.resume(RealmCall.FLAG_EMULATED_MMIO, 0x1234_5678L)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.IPA.UNPROTECTED_EXIT")
    @Tag("rule:RMM.IPA.MMIO_SYNDROME")
    @DisplayName("a store to an unmapped unprotected IPA exits with a syndrome saying it wrote 8 bytes, and the value")
    void unmappedUnprotectedStore() {
        assertThatCall(realm.store(unprotected() + 0x8, 0xCAFE)).matchesModel();
        assertThatCall(realm.resume(RealmCall.FLAG_EMULATED_MMIO, 0)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.IPA.EMPTY_FAULTS")
    @DisplayName("a protected access to RIPAS EMPTY takes an abort inside the realm")
    void protectedEmptyFaults() {
        assertThatCall(realm.load(PROTECTED)).matchesModel();
        assertThatCall(realm.store(PROTECTED, 1)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.IPA.SHARED_UPPER_HALF")
    @Tag("rule:RMM.IPA.PROTECTED_ALIAS")
    @Tag("rule:RMM.RTT.MAP_UNPROTECTED")
    @DisplayName("a page the host maps is read through the unprotected IPA; its protected alias is not that page")
    void sharedPage(RmmHost rmm) {
        long shared = RealmSetup.free(rmm, 0);
        for (int level = 2; level <= 3; level++) {
            long table = RealmSetup.free(rmm, level);
            RealmSetup.delegate(rmm, table);
            assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, realm.rd(), table, unprotected() & ~0x1FFFFFL
                    & (level == 2 ? ~0x3FFF_FFFFL : -1L), level)).matchesModel();
        }
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_MAP_UNPROTECTED, realm.rd(), unprotected(), 3,
                shared | RttTests.NS_ATTRIBUTES))
                .matchesModel();
        byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(PATTERN).array();
        assertThatCall(realm.load(unprotected(), RmmHost.writing(shared, bytes))).matchesModel();
        assertThatCall(realm.load(PROTECTED, RmmHost.writing(shared, bytes))).matchesModel();
    }
}
