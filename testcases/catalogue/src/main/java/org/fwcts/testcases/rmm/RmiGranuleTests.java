package org.fwcts.testcases.rmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.model.rmm.GranuleState;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.RequiresRmm;
import org.fwcts.testcases.support.FreshBoot;
import org.fwcts.testcases.support.RealmAgent;
import org.fwcts.testcases.support.RealmSetup;
import org.fwcts.testcases.support.RmmHost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Granule delegation, each step read back by the command's own state check and by a normal-world access. */
@ConformanceTest
@RequiresRmm
@Tag("rmm")
@Tag("area:rmm")
@FreshBoot("granule states from boot")
@DisplayName("RMI granule delegation")
class RmiGranuleTests {

    /** A page of the realm's protected RAM next to its image, within the tables the set-up creates. */
    private static final long DATA_IPA = RealmSetup.IMAGE_IPA + 0x10000;

    private static RmiFunction delegate(RmmHost rmm) {
        return rmm.model().profile().rangeDelegation() ? RmiFunction.RMI_GRANULE_RANGE_DELEGATE : RmiFunction.RMI_GRANULE_DELEGATE;
    }

    private static RmiFunction undelegate(RmmHost rmm) {
        return rmm.model().profile().rangeDelegation() ? RmiFunction.RMI_GRANULE_RANGE_UNDELEGATE
                : RmiFunction.RMI_GRANULE_UNDELEGATE;
    }

    private static org.fwcts.harness.compare.CallCheck call(RmmHost rmm, RmiFunction function, long granule) {
        return function.existsIn(1) ? rmm.call(function, granule) : rmm.call(function, granule, granule + 0x1000);
    }

    /** The normal world reaches a granule exactly when the model says the RMM does not hold it. */
    private static void accessAsModelled(RmmHost rmm, long granule) {
        boolean modelled = rmm.state().granule(granule) == GranuleState.UNDELEGATED;
        assertThat(rmm.normalWorldReads(granule)).as("[RMM.GRANULE.PAS] the model says the granule is %s; a normal-world"
                + " read of it", rmm.state().granule(granule)).isEqualTo(modelled);
    }

    @Test
    @Tag("rule:RMM.GRANULE.DELEGATE")
    @Tag("rule:RMM.GRANULE.UNDELEGATE")
    @Tag("rule:RMM.GRANULE.PAS")
    @DisplayName("delegation takes a granule out of the normal world's reach; undelegation gives it back")
    void delegateAndUndelegate(RmmHost rmm) {
        long granule = RealmSetup.free(rmm, 0);
        accessAsModelled(rmm, granule);
        assertThatCall(call(rmm, delegate(rmm), granule)).matchesModel();
        accessAsModelled(rmm, granule);
        assertThatCall(call(rmm, undelegate(rmm), granule)).matchesModel();
        accessAsModelled(rmm, granule);
    }

    @Test
    @Tag("rule:RMM.GRANULE.DELEGATE")
    @DisplayName("a delegated granule cannot be delegated again: ERROR_INPUT")
    void delegateTwice(RmmHost rmm) {
        long granule = RealmSetup.free(rmm, 0);
        assertThatCall(call(rmm, delegate(rmm), granule)).matchesModel();
        assertThatCall(call(rmm, delegate(rmm), granule)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.GRANULE.UNDELEGATE")
    @DisplayName("an undelegated granule cannot be undelegated: ERROR_INPUT")
    void undelegateUndelegated(RmmHost rmm) {
        assertThatCall(call(rmm, undelegate(rmm), RealmSetup.free(rmm, 0))).matchesModel();
    }

    @Test
    @Tag("rule:RMM.GRANULE.DELEGATE")
    @DisplayName("an unaligned address and one outside tracked memory give ERROR_INPUT")
    void badAddresses(RmmHost rmm) {
        assertThatCall(call(rmm, delegate(rmm), RealmSetup.free(rmm, 0) + 0x800)).matchesModel();
        assertThatCall(call(rmm, delegate(rmm), 0x1000)).matchesModel();
    }

    @Test
    @Tag("rule:RMM.GRANULE.UNDELEGATE")
    @DisplayName("an RD cannot be undelegated while its realm exists: ERROR_INPUT")
    void undelegateRd(RmmHost rmm) {
        long rd = RealmSetup.createRealm(rmm);
        assertThatCall(call(rmm, undelegate(rmm), rd)).matchesModel();
        accessAsModelled(rmm, rd);
    }

    @Test
    @Tag("rule:RMM.GRANULE.UNDELEGATE")
    @DisplayName("a granule a running realm uses as its REC or as data cannot be undelegated: ERROR_INPUT")
    void undelegateInUse(RmmHost rmm) {
        RealmAgent realm = RealmSetup.running(rmm);
        RealmSetup.ramWithData(rmm, realm, DATA_IPA, 0);
        long data = RealmSetup.free(rmm, 0);
        assertThatCall(call(rmm, undelegate(rmm), realm.rec())).matchesModel();
        assertThatCall(call(rmm, undelegate(rmm), data)).matchesModel();
        accessAsModelled(rmm, data);
    }
}
