package org.fwcts.model.ffa;

/**
 * FF-A status codes, returned in w2 of FFA_ERROR (DEN0077A, "Status reporting").
 *
 * <p>A code is a negative 32-bit value; in a 64-bit register it is zero-extended, so
 * {@link #register()} is what w2 holds.
 */
public enum FfaError {
    NOT_SUPPORTED(-1),
    INVALID_PARAMETERS(-2),
    NO_MEMORY(-3),
    BUSY(-4),
    INTERRUPTED(-5),
    DENIED(-6),
    RETRY(-7),
    ABORTED(-8),
    /** From FF-A v1.1. */
    NO_DATA(-9),
    /** From FF-A v1.2. */
    NOT_READY(-10);

    private final int code;

    FfaError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The code as w2 carries it: the 32-bit value, zero-extended. */
    public long register() {
        return code & 0xFFFF_FFFFL;
    }

    /** The error with status {@code code}, if there is one. */
    public static java.util.Optional<FfaError> of(int code) {
        for (FfaError error : values()) {
            if (error.code == code) {
                return java.util.Optional.of(error);
            }
        }
        return java.util.Optional.empty();
    }
}
