package org.fwcts.testcases.support;

/** The target gave no usable answer to a call: the test is broken, neither passed nor failed. */
public class TargetUnresponsiveException extends RuntimeException {
    public TargetUnresponsiveException(String message) {
        super(message);
    }
}
