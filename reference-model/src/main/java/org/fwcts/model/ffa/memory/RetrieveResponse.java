package org.fwcts.model.ffa.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fwcts.model.ffa.RxContents;

/**
 * The first fragment of a retrieve response in the retriever's RX buffer (DEN0077A,
 * "FFA_MEM_RETRIEVE_RESP"). Compared with what the target wrote byte for byte; where they differ,
 * the observed descriptor is decoded and compared field by field so a report names the field.
 *
 * @param fragment the bytes the SPMC writes: the response, or its first fragment
 * @param totalLength the whole response's length (w1)
 * @param expected the descriptor the response encodes
 */
public record RetrieveResponse(byte[] fragment, int totalLength, MemoryTransaction expected) implements RxContents {

    public RetrieveResponse {
        fragment = fragment.clone();
        Objects.requireNonNull(expected, "expected");
    }

    @Override
    public byte[] encode() {
        return fragment.clone();
    }

    @Override
    public List<String> differences(byte[] observedRx) {
        if (observedRx.length >= fragment.length
                && Arrays.equals(observedRx, 0, fragment.length, fragment, 0, fragment.length)) {
            return List.of();
        }
        if (observedRx.length < fragment.length || fragment.length != totalLength) {
            return List.of(firstDifference(observedRx));
        }
        Decoded<MemoryTransaction> observed = TransactionDescriptorDecoder.decode(observedRx, fragment.length,
                expected.layout().introducedIn());
        if (observed instanceof Decoded.Malformed<MemoryTransaction> malformed) {
            return List.of("RX: the response is malformed: " + malformed.describe(), firstDifference(observedRx));
        }
        List<String> found = fields(observed.orElseThrow());
        if (found.isEmpty()) {
            found.add(firstDifference(observedRx));
        }
        return found;
    }

    private List<String> fields(MemoryTransaction seen) {
        List<String> found = new ArrayList<>();
        compare(found, "sender", expected.sender(), seen.sender());
        compare(found, "attributes", expected.attributes(), seen.attributes());
        compare(found, "flags", expected.flags(), seen.flags());
        compare(found, "handle", "0x" + Long.toHexString(expected.handle()), "0x" + Long.toHexString(seen.handle()));
        compare(found, "tag", "0x" + Long.toHexString(expected.tag()), "0x" + Long.toHexString(seen.tag()));
        compare(found, "receiver count", expected.receivers().size(), seen.receivers().size());
        for (int i = 0; i < Math.min(expected.receivers().size(), seen.receivers().size()); i++) {
            EndpointAccess want = expected.receivers().get(i);
            EndpointAccess got = seen.receivers().get(i);
            compare(found, "emad[" + i + "].receiver", want.receiver(), got.receiver());
            compare(found, "emad[" + i + "].permissions", want.permissions(), got.permissions());
            compare(found, "emad[" + i + "].flags", want.flags(), got.flags());
            compare(found, "emad[" + i + "].impdef", want.impdef(), got.impdef());
        }
        compare(found, "region", expected.region(), seen.region());
        return found;
    }

    private static void compare(List<String> found, String field, Object expected, Object observed) {
        if (!expected.equals(observed)) {
            found.add("RX " + field + ": expected " + expected + ", got " + observed
                    + " [" + RetrieveRules.RESPONSE_CONTENTS.id() + "]");
        }
    }

    private String firstDifference(byte[] observedRx) {
        int shared = Math.min(observedRx.length, fragment.length);
        int mismatch = Arrays.mismatch(observedRx, 0, shared, fragment, 0, shared);
        if (mismatch < 0) {
            return "RX: only " + observedRx.length + " bytes read of a " + fragment.length + "-byte response fragment";
        }
        return "RX byte " + mismatch + ": expected 0x" + Integer.toHexString(fragment[mismatch] & 0xFF) + ", got 0x"
                + Integer.toHexString(observedRx[mismatch] & 0xFF) + " [" + RetrieveRules.RESPONSE_CONTENTS.id() + "]";
    }

    @Override
    public String describe() {
        return "retrieve response for handle 0x" + Long.toHexString(expected.handle()) + ": "
                + expected.receivers().size() + " receiver(s), " + fragment.length + " of " + totalLength + " bytes";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetrieveResponse that && totalLength == that.totalLength
                && Arrays.equals(fragment, that.fragment) && expected.equals(that.expected);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fragment) * 31 + totalLength;
    }
}
