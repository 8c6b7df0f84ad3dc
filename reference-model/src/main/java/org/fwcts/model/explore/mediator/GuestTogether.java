package org.fwcts.model.explore.mediator;

import org.fwcts.model.Registers;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;

/**
 * Two SMCs of one VM released together on its vCPUs 0 and 1 (a race inside the mediator), judged
 * in whichever order the model accepts.
 */
public record GuestTogether(EndpointId caller, Registers onVcpu0, Registers onVcpu1) implements Step.Extension {
}
