package org.fwcts.model.ffa.spmc;

/** Predicts one FF-A function. */
@FunctionalInterface
public interface FfaHandler {

    FfaOutcome handle(FfaContext context);
}
