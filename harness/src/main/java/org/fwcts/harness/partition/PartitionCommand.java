package org.fwcts.harness.partition;

import java.util.Optional;

/** The partition agent's commands (firmware-images/sp-agent/PROTOCOL.md), by request code p0[7:0]. */
public enum PartitionCommand {
    PING(0x01),
    INFO(0x02),
    FFA_SET(0x03),
    FFA_CALL(0x04),
    FFA_GET(0x05),
    TX_WRITE(0x06),
    RX_READ(0x07),
    RXTX_MAP(0x08),
    MEM_READ(0x09),
    MEM_WRITE(0x0A),
    MEM_FILL(0x0B),
    MEM_HASH(0x0C),
    MEM_EXEC(0x0D);

    /** Flag p0[31:24] bit 0 of ffa-set and ffa-call: zero every staged register first. */
    public static final int FLAG_CLEAR = 1;
    /** Flag p0[31:24] bit 0 of rxtx-map: use the SMC32 form. */
    public static final int FLAG_SMC32 = 1;

    private final int code;

    PartitionCommand(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PartitionCommand> of(int code) {
        for (PartitionCommand command : values()) {
            if (command.code == code) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Request p0: code | a << 8 | b << 16 | flags << 24. */
    public long header(int a, int b, int flags) {
        return code | (long) (a & 0xFF) << 8 | (long) (b & 0xFF) << 16 | (long) (flags & 0xFF) << 24;
    }
}
