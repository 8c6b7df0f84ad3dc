package org.fwcts.model.ffa.memory;

import java.util.Arrays;
import java.util.List;
import org.fwcts.model.ffa.RxContents;

/**
 * A later fragment of a retrieve response, written to the RX buffer by FFA_MEM_FRAG_RX (DEN0077A,
 * "FFA_MEM_FRAG_RX"): the continuation bytes, compared byte for byte.
 *
 * @param handle the transaction's handle
 * @param offset where in the response the fragment starts
 * @param bytes the fragment
 */
public record ResponseFragment(long handle, int offset, byte[] bytes) implements RxContents {

    public ResponseFragment {
        bytes = bytes.clone();
    }

    @Override
    public byte[] encode() {
        return bytes.clone();
    }

    @Override
    public List<String> differences(byte[] observedRx) {
        int shared = Math.min(observedRx.length, bytes.length);
        int mismatch = Arrays.mismatch(observedRx, 0, shared, bytes, 0, shared);
        if (mismatch >= 0) {
            return List.of("RX byte " + mismatch + " (response offset " + (offset + mismatch) + "): expected 0x"
                    + Integer.toHexString(bytes[mismatch] & 0xFF) + ", got 0x"
                    + Integer.toHexString(observedRx[mismatch] & 0xFF) + " [" + RetrieveRules.FRAG_TX.id() + "]");
        }
        return observedRx.length < bytes.length
                ? List.of("RX: only " + observedRx.length + " bytes read of a " + bytes.length + "-byte fragment")
                : List.of();
    }

    @Override
    public String describe() {
        return "retrieve response fragment for handle 0x" + Long.toHexString(handle) + ": " + bytes.length
                + " bytes from offset " + offset;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResponseFragment that && handle == that.handle && offset == that.offset
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + offset;
    }
}
