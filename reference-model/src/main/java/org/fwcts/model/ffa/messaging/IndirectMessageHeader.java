package org.fwcts.model.ffa.messaging;

import static org.fwcts.model.ffa.memory.Decoded.invalid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Uuid;
import org.fwcts.model.ffa.memory.Decoded;

/**
 * The partition message header at the start of an FFA_MSG_SEND2 message (DEN0077A, "Partition message
 * header"; Hafnium {@code struct ffa_partition_rxtx_header}; ffa-abi.md §9).
 *
 * <p>Layout: flags (4) @0, reserved (4) @4, payload offset (4) @8, receiver ID (2) @12, sender ID (2) @14
 * (so the word @12 is sender &lt;&lt; 16 | receiver, Linux {@code send_recv_id}), payload size (4) @16, and
 * from v1.2 reserved (4) @20 and UUID (16) @24. Linux first shipped the v1.2 UUID at offset 20, without
 * the reserved word; the fix added {@code res1}.
 *
 * @param flags the flags word (reserved; kept so a test can send a non-zero one)
 * @param sender the sending endpoint
 * @param receiver the receiving endpoint
 * @param payloadOffset where the payload starts, from the start of the buffer (unsigned 32-bit)
 * @param payloadSize payload bytes (unsigned 32-bit)
 * @param uuid the protocol UUID (v1.2 layout only)
 */
public record IndirectMessageHeader(int flags, EndpointId sender, EndpointId receiver, long payloadOffset,
        long payloadSize, Optional<Uuid> uuid) {

    public IndirectMessageHeader {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(uuid, "uuid");
        if (payloadOffset < 0 || payloadOffset > 0xFFFF_FFFFL || payloadSize < 0 || payloadSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("offset and size are unsigned 32-bit values");
        }
    }

    /** A header for a payload placed right after it, as Hafnium's {@code ffa_rxtx_header_init} does. */
    public static IndirectMessageHeader of(EndpointId sender, EndpointId receiver, long payloadSize,
            IndirectMessageLayout layout) {
        return new IndirectMessageHeader(0, sender, receiver, layout.size(), payloadSize,
                layout.hasUuid() ? Optional.of(Uuid.NIL) : Optional.empty());
    }

    public IndirectMessageHeader withUuid(Uuid newUuid) {
        return new IndirectMessageHeader(flags, sender, receiver, payloadOffset, payloadSize, Optional.of(newUuid));
    }

    public IndirectMessageHeader withPayloadOffset(long offset) {
        return new IndirectMessageHeader(flags, sender, receiver, offset, payloadSize, uuid);
    }

    /** The {@code layout.size()} header bytes; an absent UUID is written as zero. */
    public byte[] encode(IndirectMessageLayout layout) {
        byte[] bytes = new byte[layout.size()];
        writeTo(ByteBuffer.wrap(bytes), layout);
        return bytes;
    }

    /** Header and payload as the TX buffer holds them: the payload at {@link #payloadOffset()}. */
    public byte[] encodeWithPayload(IndirectMessageLayout layout, byte[] payload) {
        int end = (int) Math.max(layout.size(), payloadOffset + payload.length);
        byte[] bytes = new byte[end];
        writeTo(ByteBuffer.wrap(bytes), layout);
        System.arraycopy(payload, 0, bytes, (int) payloadOffset, payload.length);
        return bytes;
    }

    private void writeTo(ByteBuffer target, IndirectMessageLayout layout) {
        ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0, flags);
        out.putInt(8, (int) payloadOffset);
        out.putShort(12, (short) receiver.value());
        out.putShort(14, (short) sender.value());
        out.putInt(16, (int) payloadSize);
        if (layout.hasUuid()) {
            uuid.orElse(Uuid.NIL).writeTo(out, 24);
        }
    }

    /**
     * Reads the header at the start of {@code buffer} in {@code layout} and checks it against a buffer
     * of {@code bufferSize} bytes (the mailbox size; Hafnium caps a message at one 4K page).
     */
    public static Decoded<IndirectMessageHeader> decode(byte[] buffer, IndirectMessageLayout layout, int bufferSize) {
        if (buffer.length < layout.size()) {
            return invalid(IndirectMessageRules.HEADER_LENGTH, "length",
                    buffer.length + " bytes cannot hold the " + layout.size() + "-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt(0) != 0) {
            return invalid(IndirectMessageRules.FLAGS, "flags", "flags are 0x" + Integer.toHexString(in.getInt(0)));
        }
        if (in.getInt(4) != 0) {
            return invalid(IndirectMessageRules.RESERVED, "reserved[4..7]", "bytes 4-7 are not zero");
        }
        if (layout.hasUuid() && in.getInt(20) != 0) {
            return invalid(IndirectMessageRules.RESERVED, "reserved[20..23]", "bytes 20-23 are not zero");
        }
        long offset = Integer.toUnsignedLong(in.getInt(8));
        long size = Integer.toUnsignedLong(in.getInt(16));
        if (offset < layout.size()) {
            return invalid(IndirectMessageRules.PAYLOAD_OFFSET, "payloadOffset",
                    "offset " + offset + " overlaps the " + layout.size() + "-byte header");
        }
        if (offset + size > bufferSize) {
            return invalid(IndirectMessageRules.PAYLOAD_SIZE, "payloadSize",
                    "offset " + offset + " + size " + size + " exceeds the " + bufferSize + "-byte buffer");
        }
        Optional<Uuid> uuid = layout.hasUuid() ? Optional.of(Uuid.readFrom(in, 24)) : Optional.empty();
        return Decoded.valid(new IndirectMessageHeader(0, EndpointId.low16(in.getShort(14)),
                EndpointId.low16(in.getShort(12)), offset, size, uuid));
    }
}
