package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.memory.Decoded.invalid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;

/**
 * Reads a memory transaction descriptor and reports the first structural fault (ffa-memory.md §2-§3).
 *
 * <p>Structural means "wrong whatever the operation": lengths, reserved fields, EMAD size against the
 * caller's version, EMAD and composite placement, composite offsets that differ, constituent count and
 * total, unaligned, empty, wrapping or overlapping constituents, reserved permission encodings and
 * reserved attribute bits. Every one is INVALID_PARAMETERS.
 *
 * <p>Left to callers, because the answer depends on the operation or the implementation: whether a
 * region must be present (send, response) or absent (Hafnium retrieve request), the NS bit, reserved
 * attribute <em>encodings</em> (Hafnium: DENIED), the flags word, EMAD flag bits [7:1], the number of
 * receivers (Hafnium: at most MAX_MEM_SHARE_RECIPIENTS), duplicate receivers and receiver == sender.
 * {@link MemoryAttributes}, {@link TransactionFlags} and {@link AccessPermissions} expose all of these.
 */
public final class TransactionDescriptorDecoder {
    private static final int V1_1_HEADER_SIZE = 48;

    private TransactionDescriptorDecoder() {
    }

    /** Decodes all of {@code data} (its length is the total length). */
    public static Decoded<MemoryTransaction> decode(byte[] data, SpecVersion callerVersion) {
        return decode(data, data.length, callerVersion);
    }

    /**
     * Decodes the first {@code length} bytes of {@code data} (the TX buffer, say, with {@code length} the
     * w1 total length) as written by, or for, a caller that negotiated {@code callerVersion}: a v1.0
     * caller's descriptor is read in the v1.0 layout, a later caller's in the layout its EMAD size names.
     */
    public static Decoded<MemoryTransaction> decode(byte[] data, int length, SpecVersion callerVersion) {
        if (length < 0 || length > data.length) {
            return invalid(DescriptorRules.LENGTH_BUFFER, "length",
                    "total length " + length + " but " + data.length + " bytes were supplied");
        }
        boolean v1_0 = DescriptorLayout.forCaller(callerVersion) == DescriptorLayout.V1_0;
        int minimum = v1_0 ? DescriptorLayout.V1_0.headerSize() : V1_1_HEADER_SIZE;
        if (length < minimum) {
            return invalid(DescriptorRules.LENGTH_HEADER, "length",
                    "length " + length + " is shorter than the " + minimum + "-byte header");
        }
        if (length % 16 != 0) {
            return invalid(DescriptorRules.LENGTH_ALIGNMENT, "length", "length " + length + " is not a multiple of 16");
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        return v1_0 ? decodeV1_0(in, length) : decodeV1_1(in, length, callerVersion);
    }

    private static Decoded<MemoryTransaction> decodeV1_0(ByteBuffer in, int length) {
        if (in.get(3) != 0) {
            return invalid(DescriptorRules.HEADER_RESERVED, "header.reserved[3]",
                    "byte 3 is 0x" + Integer.toHexString(in.get(3) & 0xFF));
        }
        if (in.getInt(24) != 0) {
            return invalid(DescriptorRules.HEADER_RESERVED, "header.reserved[24..27]",
                    "bytes 24-27 are 0x" + Integer.toHexString(in.getInt(24)));
        }
        return decodeBody(in, length, DescriptorLayout.V1_0, DescriptorLayout.V1_0.headerSize(), in.get(2) & 0xFF);
    }

    private static Decoded<MemoryTransaction> decodeV1_1(ByteBuffer in, int length, SpecVersion callerVersion) {
        if (in.getInt(36) != 0 || in.getLong(40) != 0) {
            return invalid(DescriptorRules.HEADER_RESERVED, "header.reserved[36..47]", "bytes 36-47 are not zero");
        }
        long emadSize = u32(in, 24);
        DescriptorLayout layout;
        if (emadSize == DescriptorLayout.V1_1.emadSize()) {
            layout = DescriptorLayout.V1_1;
        } else if (emadSize == DescriptorLayout.V1_2.emadSize() && callerVersion.atLeast(1, 2)) {
            layout = DescriptorLayout.V1_2;
        } else {
            return invalid(DescriptorRules.EMAD_SIZE, "emadSize",
                    "EMAD size " + emadSize + " is not valid for a caller of FF-A " + callerVersion);
        }
        long emadOffset = u32(in, 32);
        if (emadOffset < V1_1_HEADER_SIZE || emadOffset % 16 != 0) {
            return invalid(DescriptorRules.EMAD_OFFSET, "emadOffset",
                    "EMAD offset " + emadOffset + " is below 48 or not a multiple of 16");
        }
        return decodeBody(in, length, layout, emadOffset, in.getShort(2) & 0xFFFF);
    }

    /** Everything after the layout-specific header fields: attributes, EMADs, composite. */
    private static Decoded<MemoryTransaction> decodeBody(ByteBuffer in, int length, DescriptorLayout layout,
            long emadOffset, int attributes) {
        if ((attributes & MemoryAttributes.RESERVED_MASK) != 0) {
            return invalid(DescriptorRules.ATTRIBUTES_RESERVED, "attributes",
                    "reserved bits 0x" + Integer.toHexString(attributes & MemoryAttributes.RESERVED_MASK) + " set");
        }
        long count = u32(in, 28);
        if (count == 0) {
            return invalid(DescriptorRules.EMAD_COUNT, "emadCount", "no EMADs");
        }
        long emadEnd = emadOffset + count * layout.emadSize();
        if (emadEnd > length) {
            return invalid(DescriptorRules.EMAD_BOUNDS, "emadArray",
                    count + " EMADs from offset " + emadOffset + " end at " + emadEnd + ", past length " + length);
        }
        // An array made into a list once: the transaction's own copy is then free.
        EndpointAccess[] receivers = new EndpointAccess[(int) count];
        for (int i = 0; i < count; i++) {
            Decoded<EndpointAccess> emad = readEmad(in, (int) emadOffset + i * layout.emadSize(), i, layout);
            if (emad instanceof Decoded.Malformed<EndpointAccess> malformed) {
                return malformed.as();
            }
            EndpointAccess access = emad.orElseThrow();
            if (i > 0 && access.compositeOffset() != receivers[0].compositeOffset()) {
                return invalid(DescriptorRules.COMPOSITE_OFFSET_EQUAL, "emad[" + i + "].compositeOffset",
                        "offset " + access.compositeOffset() + " differs from emad[0]'s "
                                + receivers[0].compositeOffset());
            }
            receivers[i] = access;
        }
        Optional<CompositeRegion> region = Optional.empty();
        long compositeOffset = receivers[0].compositeOffset();
        if (compositeOffset == 0) {
            if (emadEnd != length) {
                return invalid(DescriptorRules.LENGTH_WITHOUT_COMPOSITE, "length",
                        "no composite region, yet the length " + length + " runs past the EMAD array end " + emadEnd);
            }
        } else {
            Decoded<CompositeRegion> composite = CompositeRegionDecoder.decode(in, compositeOffset, length, (int) emadEnd);
            if (composite instanceof Decoded.Malformed<CompositeRegion> malformed) {
                return malformed.as();
            }
            region = composite.asOptional();
        }
        return Decoded.valid(new MemoryTransaction(EndpointId.low16(in.getShort(0)), MemoryAttributes.of(attributes),
                TransactionFlags.of(in.getInt(4)), in.getLong(8), in.getLong(16), List.of(receivers), region, layout));
    }

    private static Decoded<EndpointAccess> readEmad(ByteBuffer in, int at, int index, DescriptorLayout layout) {
        int reservedAt = layout.hasImpdef() ? at + 24 : at + 8;
        if (in.getLong(reservedAt) != 0) {
            return invalid(DescriptorRules.EMAD_RESERVED, "emad[" + index + "].reserved",
                    "reserved bytes at EMAD offset " + (reservedAt - at) + " are not zero");
        }
        AccessPermissions permissions = AccessPermissions.decode(in.get(at + 2) & 0xFF);
        if (!permissions.isWellFormed()) {
            return invalid(DescriptorRules.PERMISSIONS_RESERVED, "emad[" + index + "].permissions",
                    "permissions byte 0x" + Integer.toHexString(permissions.encode()) + " uses a reserved encoding");
        }
        EndpointAccess.Impdef impdef = EndpointAccess.Impdef.ZERO;
        if (layout.hasImpdef() && (in.getLong(at + 8) != 0 || in.getLong(at + 16) != 0)) {
            impdef = new EndpointAccess.Impdef(in.getLong(at + 8), in.getLong(at + 16));
        }
        return Decoded.valid(new EndpointAccess(EndpointId.low16(in.getShort(at)), permissions, in.get(at + 3) & 0xFF,
                u32(in, at + 4), impdef));
    }

    private static long u32(ByteBuffer in, int at) {
        return Integer.toUnsignedLong(in.getInt(at));
    }
}
