package org.fwcts.harness.partition;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;

/**
 * The three direct-message forms the partition agent serves, with where each carries its
 * payload (DEN0077A v1.2: DIRECT_REQ/RESP in x3–x7, w-registers for SMC32; REQ2/RESP2 in x4–x17).
 */
public enum DirectMessageKind {
    REQ_32(FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0(), FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0(), 3, 5, 4),
    REQ_64(FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64(), FfaFunction.FFA_MSG_SEND_DIRECT_RESP.x0Smc64(), 3, 5, 8),
    REQ2(FfaFunction.FFA_MSG_SEND_DIRECT_REQ2.x0Smc64(), FfaFunction.FFA_MSG_SEND_DIRECT_RESP2.x0Smc64(), 4, 14, 8);

    private final long request;
    private final long response;
    private final int firstPayload;
    private final int payloadCount;
    private final int bytesPerRegister;

    DirectMessageKind(long request, long response, int firstPayload, int payloadCount, int bytesPerRegister) {
        this.request = request;
        this.response = response;
        this.firstPayload = firstPayload;
        this.payloadCount = payloadCount;
        this.bytesPerRegister = bytesPerRegister;
    }

    public long requestFunction() {
        return request;
    }

    public long responseFunction() {
        return response;
    }

    public int firstPayload() {
        return firstPayload;
    }

    public int payloadCount() {
        return payloadCount;
    }

    public int bytesPerRegister() {
        return bytesPerRegister;
    }

    /** The form a request with {@code x0} has, if it is a direct request. */
    public static java.util.Optional<DirectMessageKind> ofRequest(long x0) {
        for (DirectMessageKind kind : values()) {
            if ((x0 & 0xFFFF_FFFFL) == kind.request) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }

    /** The payload registers of a message in this form. */
    public long[] payload(Registers message) {
        long[] payload = new long[payloadCount];
        for (int i = 0; i < payloadCount; i++) {
            long value = message.x(firstPayload + i);
            payload[i] = bytesPerRegister == 4 ? value & 0xFFFF_FFFFL : value;
        }
        return payload;
    }

    /** A message of this form: {@code function}, x1 = sender << 16 | receiver, and the payload. */
    public Registers message(long function, int sender, int receiver, long[] payload) {
        long[] registers = new long[Registers.COUNT];
        registers[0] = function;
        registers[1] = (long) sender << 16 | receiver;
        for (int i = 0; i < payload.length && i < payloadCount; i++) {
            registers[firstPayload + i] = bytesPerRegister == 4 ? payload[i] & 0xFFFF_FFFFL : payload[i];
        }
        return Registers.of(registers);
    }
}
