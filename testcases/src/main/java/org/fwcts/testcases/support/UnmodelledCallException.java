package org.fwcts.testcases.support;

/** A test made a call the model cannot predict for this profile: a catalogue error, never a verdict. */
public class UnmodelledCallException extends RuntimeException {
    public UnmodelledCallException(String reason) {
        super("the model cannot predict this call: " + reason);
    }
}
