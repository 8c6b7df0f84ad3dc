package org.fwcts.model.ffa.spmc;

import org.fwcts.model.ffa.Topology;

/**
 * An FF-A system behind a conduit: which SPMC implementation, and which endpoints it serves.
 *
 * @param spmc the implementation's choices
 * @param topology the deployment: endpoints and their memory
 */
public record FfaSystem(SpmcProfile spmc, Topology topology) {

    public FfaSystem withSpmc(SpmcProfile newSpmc) {
        return new FfaSystem(newSpmc, topology);
    }
}
