package org.fwcts.model.ffa.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes a memory transaction descriptor byte for byte as ffa-memory.md §2 lays it out.
 *
 * <p>The EMAD array starts right after the header; the composite region, if any, starts at the first
 * 16-byte boundary after the EMAD array and every EMAD points at it; without a region every composite
 * offset is 0 (a retrieve request). The same code writes sends, retrieve requests and the retrieve
 * response an SPMC puts in the receiver's RX buffer.
 *
 * <p>Values are written as given, so a test can build a transaction the decoder would reject (reserved
 * permission values, NS bit, flags, overlapping constituents, a wrong total page count) and send it. The
 * attributes are always written as 16 bits at offset 2: in the v1.0 layout the high byte lands in the
 * reserved byte 3, which is how to make that byte non-zero.
 */
public final class TransactionDescriptorEncoder {
    private TransactionDescriptorEncoder() {
    }

    /** Encodes {@code transaction} in its own {@link MemoryTransaction#layout() layout}. */
    public static byte[] encode(MemoryTransaction transaction) {
        return encode(transaction, transaction.layout());
    }

    /** Encodes {@code transaction} in {@code layout}; the result's length is the w1 total length. */
    public static byte[] encode(MemoryTransaction transaction, DescriptorLayout layout) {
        byte[] bytes = new byte[encodedLength(transaction, layout)];
        writeTo(ByteBuffer.wrap(bytes), transaction, layout);
        return bytes;
    }

    /** The bytes {@link #encode} produces: header, EMADs and, if present, the composite region. */
    public static int encodedLength(MemoryTransaction transaction, DescriptorLayout layout) {
        int receivers = transaction.receivers().size();
        return transaction.region().isPresent()
                ? layout.compositeOffset(receivers) + transaction.region().get().encodedSize()
                : layout.emadArrayEnd(receivers);
    }

    /**
     * Writes the descriptor at index 0 of {@code target} (absolute puts; position and byte order are
     * left as they were). {@code target} must hold {@link #encodedLength} bytes.
     */
    public static void writeTo(ByteBuffer target, MemoryTransaction transaction, DescriptorLayout layout) {
        ByteBuffer out = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        List<EndpointAccess> receivers = transaction.receivers();
        int compositeOffset = transaction.region().isPresent() ? layout.compositeOffset(receivers.size()) : 0;
        writeHeader(out, transaction, layout);
        int emadOffset = layout.headerSize();
        for (EndpointAccess access : receivers) {
            writeEmad(out, emadOffset, access, compositeOffset, layout);
            emadOffset += layout.emadSize();
        }
        if (transaction.region().isPresent()) {
            writeComposite(out, compositeOffset, transaction.region().get());
        }
    }

    private static void writeHeader(ByteBuffer out, MemoryTransaction transaction, DescriptorLayout layout) {
        out.putShort(0, (short) transaction.sender().value());
        out.putShort(2, (short) transaction.attributes().raw());
        out.putInt(4, transaction.flags().raw());
        out.putLong(8, transaction.handle());
        out.putLong(16, transaction.tag());
        out.putInt(28, transaction.receivers().size());
        if (layout.hasEmadFields()) {
            // v1.1+: EMAD size @24, EMAD offset @32, bytes 36-47 reserved (left zero).
            out.putInt(24, layout.emadSize());
            out.putInt(32, layout.headerSize());
        }
        // v1.0: bytes 24-27 are reserved and stay zero; the EMADs start at 32.
    }

    private static void writeEmad(ByteBuffer out, int at, EndpointAccess access, int compositeOffset,
            DescriptorLayout layout) {
        out.putShort(at, (short) access.receiver().value());
        out.put(at + 2, (byte) access.permissions().encode());
        out.put(at + 3, (byte) access.flags());
        out.putInt(at + 4, compositeOffset);
        if (layout.hasImpdef()) {
            // DEN0140 Table 1.16: impdef value @8 (16 bytes), reserved @24 (left zero).
            out.putLong(at + 8, access.impdef().first());
            out.putLong(at + 16, access.impdef().second());
        }
    }

    private static void writeComposite(ByteBuffer out, int at, CompositeRegion region) {
        out.putInt(at, (int) region.totalPageCount());
        out.putInt(at + 4, region.constituents().size());
        int constituentOffset = at + CompositeRegion.HEADER_SIZE;
        for (Constituent constituent : region.constituents()) {
            out.putLong(constituentOffset, constituent.address());
            out.putInt(constituentOffset + 8, (int) constituent.pageCount());
            constituentOffset += Constituent.SIZE;
        }
    }
}
