package org.fwcts.model.ffa.memory;

import java.util.Arrays;
import java.util.List;

/**
 * A retrieve response longer than one RX buffer, which the retriever pulls with FFA_MEM_FRAG_RX
 * (DEN0077A, "FFA_MEM_FRAG_RX").
 *
 * <p>Immutable; each pulled fragment gives a new value that shares the response bytes instead of
 * copying them.
 */
public final class ResponseInFlight {
    private final long handle;
    private final byte[] response;
    private final List<Integer> fragmentEnds;
    private final int delivered;

    /**
     * @param handle the transaction's handle
     * @param response the whole response descriptor
     * @param fragmentEnds where each fragment ends, in order; the last is the response length
     * @param delivered how many fragments the retriever has received
     */
    public ResponseInFlight(long handle, byte[] response, List<Integer> fragmentEnds, int delivered) {
        this(response.clone(), handle, List.copyOf(fragmentEnds), delivered);
    }

    /** Takes {@code owned} as it is: only for bytes no one else holds or changes. */
    private ResponseInFlight(byte[] owned, long handle, List<Integer> fragmentEnds, int delivered) {
        this.handle = handle;
        this.response = owned;
        this.fragmentEnds = fragmentEnds;
        this.delivered = delivered;
    }

    public long handle() {
        return handle;
    }

    /** A copy of the whole response descriptor. */
    public byte[] response() {
        return response.clone();
    }

    public List<Integer> fragmentEnds() {
        return fragmentEnds;
    }

    public int delivered() {
        return delivered;
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
        return new ResponseInFlight(response, handle, fragmentEnds, delivered + 1);
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

    @Override
    public String toString() {
        return "ResponseInFlight[handle=0x" + Long.toHexString(handle) + ", " + response.length + " bytes, delivered="
                + delivered + " of " + fragmentEnds.size() + "]";
    }
}
