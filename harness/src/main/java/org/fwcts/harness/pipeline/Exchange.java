package org.fwcts.harness.pipeline;

import org.fwcts.model.Registers;

/**
 * One direct-request round trip seen from the normal world: the request its agent issued and the
 * registers it found when control came back.
 */
public record Exchange(Registers request, Registers response) {
}
