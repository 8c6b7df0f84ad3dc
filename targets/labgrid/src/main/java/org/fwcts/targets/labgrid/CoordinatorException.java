package org.fwcts.targets.labgrid;

import io.grpc.Status;
import org.fwcts.targets.TargetException;

/**
 * A coordinator that could not be reached or refused a call. Callers turn it into an error naming
 * the descriptor field where they can; one that escapes still counts as a target that failed.
 */
final class CoordinatorException extends TargetException {
    private static final long serialVersionUID = 1L;
    private final Status.Code code;

    CoordinatorException(String message, Throwable cause) {
        super(message, cause);
        this.code = Status.Code.UNKNOWN;
    }

    CoordinatorException(String message) {
        this(message, Status.Code.UNKNOWN);
    }

    CoordinatorException(String message, Status.Code code) {
        super(message);
        this.code = code;
    }

    Status.Code code() {
        return code;
    }
}
