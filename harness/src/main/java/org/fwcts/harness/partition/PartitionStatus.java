package org.fwcts.harness.partition;

import java.util.Optional;

/** The status in response p0[7:0] (firmware-images/sp-agent/PROTOCOL.md). */
public enum PartitionStatus {
    OK(0),
    /** The command took a synchronous exception: r1..r3 = ESR, FAR, ELR. */
    FAULT(1),
    UNKNOWN(2),
    RANGE(3),
    ALIGN(4),
    /** The request was a framework message, which carries no command. */
    FRAMEWORK(5);

    private final int code;

    PartitionStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PartitionStatus> of(int code) {
        for (PartitionStatus status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Response p0: status | command code << 8 | partition ID << 16. */
    public long header(int command, int partition) {
        return code | (long) (command & 0xFF) << 8 | (long) (partition & 0xFFFF) << 16;
    }
}
