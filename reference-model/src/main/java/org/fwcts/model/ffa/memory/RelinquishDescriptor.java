package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.memory.Decoded.invalid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fwcts.model.ffa.EndpointId;

/**
 * The descriptor a borrower puts in its TX buffer for FFA_MEM_RELINQUISH (DEN0077A, "Descriptor to
 * relinquish a memory region", v1.1 Table 16.25; ffa-memory.md §2).
 *
 * <p>Layout: handle (8) @0, flags (4) @8, endpoint count (4) @12, endpoint IDs (2 each) @16. There is no
 * length register, so the endpoint count alone says how long it is. Hafnium and TF-A accept only one
 * endpoint, the caller; that is an implementation limit the codec leaves to callers, as it leaves the
 * flags (bit 0 zero memory, bit 1 time slicing, others MBZ; TF-A wants 0).
 *
 * @param handle the memory handle
 * @param flags the flags word
 * @param endpoints the endpoints relinquishing access
 */
public record RelinquishDescriptor(long handle, int flags, List<EndpointId> endpoints) {
    /** Bytes before the endpoint IDs. */
    public static final int HEADER_SIZE = 16;
    private static final int ZERO_MEMORY = 1;
    private static final int TIME_SLICING = 1 << 1;

    public RelinquishDescriptor {
        endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
    }

    /** What a borrower normally sends: itself as the only endpoint, no flags. */
    public static RelinquishDescriptor of(long handle, EndpointId borrower) {
        return new RelinquishDescriptor(handle, 0, List.of(borrower));
    }

    /** Bit 0: zero the memory after relinquish (not for SHARE). */
    public boolean zeroMemory() {
        return (flags & ZERO_MEMORY) != 0;
    }

    /** Bit 1: the operation may be time-sliced. */
    public boolean timeSlicing() {
        return (flags & TIME_SLICING) != 0;
    }

    /** Flag bits other than 0 and 1 that are set, in place. */
    public int reservedFlagBits() {
        return flags & ~(ZERO_MEMORY | TIME_SLICING);
    }

    /** The exact bytes: 16 plus two per endpoint. */
    public byte[] encode() {
        byte[] bytes = new byte[HEADER_SIZE + 2 * endpoints.size()];
        ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(0, handle);
        out.putInt(8, flags);
        out.putInt(12, endpoints.size());
        for (int i = 0; i < endpoints.size(); i++) {
            out.putShort(HEADER_SIZE + 2 * i, (short) endpoints.get(i).value());
        }
        return bytes;
    }

    /**
     * Reads the descriptor at the start of {@code buffer} (the TX buffer, or the exact bytes); bytes after
     * the last endpoint ID are ignored.
     */
    public static Decoded<RelinquishDescriptor> decode(byte[] buffer) {
        if (buffer.length < HEADER_SIZE) {
            return invalid(DescriptorRules.RELINQUISH_LENGTH, "length",
                    buffer.length + " bytes cannot hold the 16-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        long count = Integer.toUnsignedLong(in.getInt(12));
        if (count == 0) {
            return invalid(DescriptorRules.RELINQUISH_COUNT, "endpointCount", "no endpoints");
        }
        if (HEADER_SIZE + 2 * count > buffer.length) {
            return invalid(DescriptorRules.RELINQUISH_LENGTH, "endpointCount",
                    count + " endpoint IDs run past the " + buffer.length + "-byte buffer");
        }
        List<EndpointId> endpoints = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            endpoints.add(EndpointId.low16(in.getShort(HEADER_SIZE + 2 * i)));
        }
        return Decoded.valid(new RelinquishDescriptor(in.getLong(0), in.getInt(8), endpoints));
    }
}
