package org.fwcts.harness.boot;

/** The target was given up for the run: relaunching failed as often as its descriptor allows. */
public final class TargetGivenUp extends RuntimeException {
    public TargetGivenUp(String reason) {
        super("target did not recover: " + reason);
    }
}
