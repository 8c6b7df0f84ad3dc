package org.fwcts.targets;

/**
 * A target cannot be described, prepared or started: a bad descriptor, a missing tool or image,
 * an occupied port. The message names the file, field, tool or port at fault and how to fix it.
 */
public class TargetException extends RuntimeException {
    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
