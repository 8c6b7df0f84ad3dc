package org.fwcts.model.ffa.handler.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.CompositeRegion;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.EndpointAccess;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.TransactionDescriptorEncoder;
import org.fwcts.model.ffa.memory.TransactionRecord;

/**
 * Builds the retrieve response descriptor an SPMC writes to the retriever's RX buffer
 * (DEN0077A, "FFA_MEM_RETRIEVE_RESP"), in the profile's {@link MemoryChoices.ResponseShape}, and
 * splits it into the fragments the retriever receives.
 */
final class RetrieveResponseBuilder {
    private static final int NS_BIT = 1 << 6;

    /**
     * A response: its bytes, where its fragments end, and the descriptor it encodes.
     *
     * @param bytes the whole response
     * @param fragmentEnds where each fragment ends; the first is w2 of FFA_MEM_RETRIEVE_RESP
     * @param expected the descriptor the bytes encode, for field-by-field comparison
     */
    record Response(byte[] bytes, List<Integer> fragmentEnds, MemoryTransaction expected) {
    }

    private RetrieveResponseBuilder() {
    }

    static Response build(MemoryChoices choices, TransactionRecord record, EndpointId retriever, SpecVersion version,
            AccessPermissions granted, int rxSize) {
        DescriptorLayout layout = DescriptorLayout.forCaller(version);
        MemoryTransaction stored = record.descriptor();
        MemoryAttributes attributes = stored.attributes().withNonSecure(nonSecure(choices, record, version));
        if (choices.responseShape() == MemoryChoices.ResponseShape.RETRIEVER_ONLY) {
            EndpointAccess sent = record.borrower(retriever).orElseThrow().sent();
            // Placed in the layout as MemoryTransaction.placed would place it, built once.
            long compositeOffset = stored.region().isPresent() ? layout.compositeOffset(1) : 0;
            EndpointAccess.Impdef impdef = layout.hasImpdef() ? sent.impdef() : EndpointAccess.Impdef.ZERO;
            MemoryTransaction response = new MemoryTransaction(stored.sender(), attributes, stored.flags(),
                    record.handle(), 0, List.of(new EndpointAccess(retriever, granted, sent.flags(), compositeOffset,
                            impdef)), stored.region(), layout);
            byte[] bytes = TransactionDescriptorEncoder.encode(response);
            return new Response(bytes, wholeSendFragments(record, response, bytes.length, rxSize), response);
        }
        MemoryTransaction echoed = stored.withHandle(record.handle());
        echoed = new MemoryTransaction(echoed.sender(), attributes, echoed.flags(), echoed.handle(), echoed.tag(),
                echoed.receivers(), echoed.region(), echoed.layout());
        byte[] bytes;
        if (layout != DescriptorLayout.V1_0 && record.sentLength() > 0) {
            bytes = patched(record.sentBytes(), echoed);
        } else {
            DescriptorLayout converted = layout == DescriptorLayout.V1_0 ? DescriptorLayout.V1_0 : DescriptorLayout.V1_1;
            echoed = echoed.placed(converted);
            bytes = TransactionDescriptorEncoder.encode(echoed);
        }
        return new Response(bytes, bufferSized(bytes.length, rxSize), echoed);
    }

    /** The NS bit for normal-world memory, by the profile's {@link MemoryChoices.NsBit}. */
    private static boolean nonSecure(MemoryChoices choices, TransactionRecord record, SpecVersion version) {
        boolean normalWorldMemory = !record.sender().isSecure();
        return normalWorldMemory && (choices.responseNsBit() == MemoryChoices.NsBit.NORMAL_WORLD_MEMORY
                || version.atLeast(1, 1));
    }

    /** The sender's bytes with the handle, the stored flags and the response attributes written in. */
    private static byte[] patched(byte[] sent, MemoryTransaction echoed) {
        ByteBuffer out = ByteBuffer.wrap(sent).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(8, echoed.handle());
        out.putInt(4, echoed.flags().raw());
        int attributes = out.getShort(2) & 0xFFFF;
        out.putShort(2, (short) (echoed.attributes().nonSecure() ? attributes | NS_BIT : attributes & ~NS_BIT));
        return sent;
    }

    /** Fragments of at most one RX buffer each. */
    private static List<Integer> bufferSized(int length, int rxSize) {
        if (length <= rxSize) {
            return List.of(length);
        }
        List<Integer> ends = new ArrayList<>();
        for (int end = Math.min(length, rxSize); ; end = Math.min(length, end + rxSize)) {
            ends.add(end);
            if (end == length) {
                return ends;
            }
        }
    }

    /**
     * Hafnium packs whole send fragments: the first response fragment holds the header and as many
     * of the stored fragments' constituents as fit, each later one as many more.
     */
    private static List<Integer> wholeSendFragments(TransactionRecord record, MemoryTransaction response, int length,
            int rxSize) {
        int start = (int) response.receivers().get(0).compositeOffset() + CompositeRegion.HEADER_SIZE;
        List<Integer> ends = new ArrayList<>();
        int end = start;
        int room = rxSize - start;
        for (int constituents : record.fragmentConstituents()) {
            int bytes = constituents * Constituent.SIZE;
            if (bytes > room && end > (ends.isEmpty() ? start : ends.get(ends.size() - 1))) {
                ends.add(end);
                room = rxSize;
            }
            if (bytes > room) {
                return bufferSized(length, rxSize);
            }
            end += bytes;
            room -= bytes;
        }
        if (ends.isEmpty()) {
            return List.of(end); // the usual response: one fragment
        }
        ends.add(end);
        return ends;
    }
}
