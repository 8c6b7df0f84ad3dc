package org.fwcts.model.rmm;

/**
 * RMI command status codes (DEN0137 1.0, "RmiStatusCode"; TF-RMM {@code smc-rmi.h}). The return
 * code in x0 packs the status in bits [7:0] and an index in bits [15:8]: the RTT level for
 * ERROR_RTT, the reason for ERROR_REALM from REC_ENTER, 0 otherwise.
 */
public enum RmiStatus {
    SUCCESS(0), ERROR_INPUT(1), ERROR_REALM(2), ERROR_REC(3), ERROR_RTT(4),
    /** RMI 2.0: an attribute of the RMM's global state (its activation) is wrong (TF-RMM v0.9.0 {@code smc-rmi.h}). */
    ERROR_GLOBAL(11),
    /** RMI 2.0: a stateful operation started and awaits the host (TF-RMM v0.9.0 {@code RMI_INCOMPLETE}). */
    INCOMPLETE(13);

    private final int code;

    RmiStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The x0 value of this status with {@code index}. */
    public long with(int index) {
        return code | ((long) (index & 0xFF) << 8);
    }

    public long packed() {
        return code;
    }
}
