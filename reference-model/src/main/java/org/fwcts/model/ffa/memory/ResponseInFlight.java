package org.fwcts.model.ffa.memory;

import java.util.Arrays;
import java.util.List;

/**
 * A retrieve response longer than one RX buffer, which the retriever pulls with FFA_MEM_FRAG_RX
 * (DEN0077A, "FFA_MEM_FRAG_RX").
 *
 * @param handle the transaction's handle
 * @param response the whole response descriptor
 * @param fragmentEnds where each fragment ends, in order; the last is the response length
 * @param delivered how many fragments the retriever has received
 */
public record ResponseInFlight(long handle, byte[] response, List<Integer> fragmentEnds, int delivered) {

    public ResponseInFlight {
        response = response.clone();
        fragmentEnds = List.copyOf(fragmentEnds);
    }

    @Override
    public byte[] response() {
        return response.clone();
    }

    /** The offset the next FFA_MEM_FRAG_RX must name: the bytes received so far. */
    public int nextOffset() {
        return fragmentEnds.get(delivered - 1);
    }

    public boolean complete() {
        return delivered == fragmentEnds.size();
    }

    /** The bytes of fragment {@code index}. */
    public byte[] fragment(int index) {
        int start = index == 0 ? 0 : fragmentEnds.get(index - 1);
        return Arrays.copyOfRange(response, start, fragmentEnds.get(index));
    }

    public ResponseInFlight next() {
        return new ResponseInFlight(handle, response, fragmentEnds, delivered + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResponseInFlight that && handle == that.handle && delivered == that.delivered
                && Arrays.equals(response, that.response) && fragmentEnds.equals(that.fragmentEnds);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(handle) * 31 + delivered;
    }
}
