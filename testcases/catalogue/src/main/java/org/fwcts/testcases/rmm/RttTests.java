package org.fwcts.testcases.rmm;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.RequiresRmm;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.RealmSetup;
import org.fwcts.testcases.support.RmmHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** RTTs by level, RIPAS initialisation and data granules in a NEW realm, each change read back with RTT_READ_ENTRY. */
@ConformanceTest
@RequiresRmm
@Tag("rmm")
@Tag("area:rmm")
@FreshBoot("realms and granules from boot")
@DisplayName("RMI realm translation tables and data")
class RttTests {
    private static final long IPA = RealmSetup.IMAGE_IPA;
    /** {@link #IPA} in the unprotected half of the realm's IPA space. */
    private static final long UNPROTECTED_IPA = (1L << (RealmSetup.S2SZ - 1)) + IPA;
    /** Host-owned bits of an NS descriptor: MemAttr [4:2] Normal write-back (0b110), S2AP [7:6] read-write. */
    static final long NS_ATTRIBUTES = 0xD8L;
    private long rd;

    @BeforeEach
    void realm(RmmHost rmm) {
        rd = RealmSetup.createRealm(rmm);
    }

    private long granule(RmmHost rmm, int index) {
        long granule = RealmSetup.free(rmm, index);
        RealmSetup.delegate(rmm, granule);
        return granule;
    }

    private void read(RmmHost rmm, long ipa, long level) {
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_READ_ENTRY, rd, ipa, level)).matchesModel();
    }

    private void tables(RmmHost rmm) {
        tables(rmm, IPA);
    }

    /** The level-2 and level-3 tables that reach {@code ipa}, in free pages 0 and 1. */
    private void tables(RmmHost rmm, long ipa) {
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, granule(rmm, 0), ipa, 2)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, granule(rmm, 1), ipa, 3)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RTT.CREATE")
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @DisplayName("RTT_CREATE without the parent table gives (ERROR_RTT, walk level); with it, the tables read back")
    void createByLevel(RmmHost rmm) {
        long l3 = granule(rmm, 1);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, l3, IPA, 3)).matchesModel();
        read(rmm, IPA, 3);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, granule(rmm, 0), IPA, 2)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, l3, IPA, 3)).matchesModel();
        read(rmm, IPA, 1);
        read(rmm, IPA, 2);
        read(rmm, IPA, 3);
    }

    @Test
    @Tag("rule:RMM.RTT.CREATE")
    @DisplayName("RTT_CREATE where a table exists gives (ERROR_RTT, level-1); a bad level or IPA gives ERROR_INPUT")
    void createErrors(RmmHost rmm) {
        tables(rmm);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, granule(rmm, 2), IPA, 3)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, granule(rmm, 3), IPA, 1)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, RealmSetup.free(rmm, 3), IPA + 0x1000, 3)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, RealmSetup.free(rmm, 3), 1L << 40, 2)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @Tag("rule:RMM.DATA.DESTROY")
    @DisplayName("RTT_READ_ENTRY refuses a level above the start and an unaligned IPA; DATA_DESTROY without data gives"
            + " ERROR_RTT at the walk level")
    void readAndDestroyErrors(RmmHost rmm) {
        read(rmm, IPA, 0);
        read(rmm, IPA + 0x1000, 2);
        read(rmm, IPA, 1);
        assertThatCall(rmm.dataDestroy(rd, IPA)).matchesModel();
        tables(rmm);
        assertThatCall(rmm.dataDestroy(rd, IPA)).matchesModel();
        assertThatCall(rmm.dataDestroy(rd, IPA + 0x800)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RTT.INIT_RIPAS")
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @DisplayName("RTT_INIT_RIPAS turns a range to RAM within one table and says how far; RTT_READ_ENTRY reads RAM back")
    void initRipas(RmmHost rmm) {
        tables(rmm);
        read(rmm, IPA, 3);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_INIT_RIPAS, rd, IPA, IPA + 0x3000)).matchesModel();
        read(rmm, IPA, 3);
        read(rmm, IPA + 0x2000, 3);
        read(rmm, IPA + 0x3000, 3);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_INIT_RIPAS, rd, IPA + 0x1FF000, IPA + 0x201000)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_INIT_RIPAS, rd, IPA + 0x3000, IPA + 0x2000)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RTT.INIT_RIPAS")
    @DisplayName("RTT_INIT_RIPAS in an active realm gives ERROR_REALM")
    void initRipasActive(RmmHost rmm) {
        tables(rmm);
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_ACTIVATE, rd)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_INIT_RIPAS, rd, IPA, IPA + 0x1000)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.DATA.CREATE")
    @Tag("rule:RMM.DATA.DESTROY")
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @DisplayName("DATA_CREATE maps RAM at a level-3 IPA; DATA_DESTROY leaves it DESTROYED and the granule delegated")
    void data(RmmHost rmm) {
        long source = RealmSetup.free(rmm, 5);
        assertThatCall(rmm.dataCreate(CallMemory.NONE, rd, granule(rmm, 2), IPA, source, 0)).matchesModel();
        tables(rmm);
        long data = RealmSetup.free(rmm, 2);
        assertThatCall(rmm.dataCreate(RmmHost.writing(source, new byte[4096]), rd, data, IPA, source, 0)).matchesModel();
        read(rmm, IPA, 3);
        assertThatCall(rmm.dataCreate(CallMemory.NONE, rd, granule(rmm, 3), IPA, source, 0)).matchesModel();
        assertThatCall(rmm.dataDestroy(rd, IPA)).matchesModel();
        read(rmm, IPA, 3);
        assertThatCall(RealmSetup.undelegate(rmm, data)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.DATA.CREATE")
    @DisplayName("DATA_CREATE checks flags, then the source, then the granules, then the realm state, then the IPA")
    void dataCreateOrder(RmmHost rmm) {
        tables(rmm);
        long data = granule(rmm, 2);
        long source = RealmSetup.free(rmm, 5);
        long unprotected = 1L << (RealmSetup.S2SZ - 1);
        assertThatCall(rmm.dataCreate(CallMemory.NONE, rd, data, unprotected, data, 2)).matchesModel();
        assertThatCall(rmm.dataCreate(CallMemory.NONE, rd, data, unprotected, data, 0)).matchesModel();
        assertThatCall(rmm.dataCreate(CallMemory.NONE, rd, data, unprotected, source, 0)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_ACTIVATE, rd)).matchesModel();
        // Two conditions broken at once: the realm is no longer NEW and the IPA is unprotected.
        assertThatCall(rmm.dataCreate(CallMemory.NONE, rd, data, unprotected, source, 0)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.DATA.CREATE_UNKNOWN")
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @DisplayName("DATA_CREATE_UNKNOWN keeps the entry's RIPAS, in any realm state")
    void dataCreateUnknown(RmmHost rmm) {
        tables(rmm);
        assertThatCall(rmm.call(RmiFunction.RMI_REALM_ACTIVATE, rd)).matchesModel();
        assertThatCall(rmm.dataCreateUnknown(rd, granule(rmm, 2), IPA)).matchesModel();
        read(rmm, IPA, 3);
    }

    @Test
    @Tag("rule:RMM.DATA.CREATE")
    @Tag("rule:RMM.DATA.CREATE_UNKNOWN")
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @DisplayName("data never maps at an unprotected IPA, even where the tables reach it: ERROR_INPUT")
    void dataAtUnprotectedIpa(RmmHost rmm) {
        long ipa = UNPROTECTED_IPA;
        tables(rmm, ipa);
        long data = granule(rmm, 2);
        assertThatCall(rmm.dataCreate(CallMemory.NONE, rd, data, ipa, RealmSetup.free(rmm, 5), 0)).matchesModel();
        assertThatCall(rmm.dataCreateUnknown(rd, data, ipa)).matchesModel();
        read(rmm, ipa, 3);
    }

    @Test
    @Tag("rule:RMM.RTT.DESTROY")
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @DisplayName("RTT_DESTROY of a live table gives (ERROR_RTT, level); of an empty one returns it, the entry DESTROYED")
    void destroy(RmmHost rmm) {
        tables(rmm);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_DESTROY, rd, IPA, 2)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_DESTROY, rd, IPA, 3)).matchesModel();
        read(rmm, IPA, 3);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_DESTROY, rd, IPA, 3)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RTT.MAP_UNPROTECTED")
    @Tag("rule:RMM.RTT.UNMAP_UNPROTECTED")
    @DisplayName("host memory maps only at unprotected IPAs, reads back ASSIGNED with its descriptor, and unmaps")
    void unprotected(RmmHost rmm) {
        long shared = RealmSetup.free(rmm, 6);
        long descriptor = shared | NS_ATTRIBUTES;
        long ipa = UNPROTECTED_IPA;
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_MAP_UNPROTECTED, rd, IPA, 3, descriptor)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_MAP_UNPROTECTED, rd, ipa, 3, descriptor)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, granule(rmm, 0), ipa, 2)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_CREATE, rd, granule(rmm, 1), ipa, 3)).matchesModel();
        read(rmm, ipa, 3);
        // Shareability [9:8] is the RMM's to set, not the host's: the descriptor is refused before the walk.
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_MAP_UNPROTECTED, rd, ipa, 3, descriptor | 0x300)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_MAP_UNPROTECTED, rd, ipa, 3, descriptor)).matchesModel();
        read(rmm, ipa, 3);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_MAP_UNPROTECTED, rd, ipa, 3, descriptor)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_UNMAP_UNPROTECTED, rd, ipa, 3)).matchesModel();
        read(rmm, ipa, 3);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_UNMAP_UNPROTECTED, rd, ipa, 3)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RTT.FOLD")
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @DisplayName("RTT_FOLD refuses a missing RTT and a mixed one; an RTT all RIPAS RAM folds into one level-2 entry")
    void fold(RmmHost rmm) {
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_FOLD, rd, IPA, 3)).matchesModel();
        tables(rmm);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_INIT_RIPAS, rd, IPA, IPA + 0x1000)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_FOLD, rd, IPA, 3)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_INIT_RIPAS, rd, IPA + 0x1000, IPA + 0x20_0000)).matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_FOLD, rd, IPA, 3)).matchesModel();
        read(rmm, IPA, 3);
        read(rmm, IPA + 0x1F_F000, 3);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_FOLD, rd, IPA, 2)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.RTT.DESTROY")
    @Tag("rule:RMM.RTT.MAP_UNPROTECTED")
    @Tag("rule:RMM.RTT.READ_ENTRY")
    @DisplayName("host mappings hold no reference on their RTT: an RTT that maps only host memory is destroyed")
    void destroyWithHostMapping(RmmHost rmm) {
        long ipa = UNPROTECTED_IPA;
        tables(rmm, ipa);
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_MAP_UNPROTECTED, rd, ipa, 3, RealmSetup.free(rmm, 6) | NS_ATTRIBUTES))
                .matchesModel();
        assertThatCall(rmm.call(RmiFunction.RMI_RTT_DESTROY, rd, ipa, 3)).matchesModel();
        read(rmm, ipa, 3);
    }
}
