package org.fwcts.harness.simulated;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.MediatorState;

/**
 * The race the xen-devel review of the VM-to-VM series (April 2025) found: two vCPUs of one VM
 * both making the call that adds the VM to the mediator's list (the first FFA_VERSION in 4.21's
 * scheme, the first call after it in 4.22's) both see it unlisted, and both add it. Other VMs
 * then see it twice in partition information, and the VM count is one too many.
 */
record DoubleListingRace() implements MediatorDeviation {
    @Override
    public String name() {
        return "double-listing-race";
    }

    @Override
    public String description() {
        return "two vCPUs of a VM racing to join the mediator's VM list both add it";
    }

    @Override
    public MediatorState together(EndpointId vm, MediatorState before, MediatorState afterFirst, MediatorState afterBoth,
            boolean secondAloneLists) {
        boolean race = before.timesListed(vm) == 0 && afterFirst.timesListed(vm) == 1 && secondAloneLists;
        return race ? afterBoth.listing(vm) : afterBoth;
    }
}
