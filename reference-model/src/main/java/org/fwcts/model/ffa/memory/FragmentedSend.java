package org.fwcts.model.ffa.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;

/**
 * A DONATE/LEND/SHARE whose descriptor is still arriving in fragments (DEN0077A, "FFA_MEM_FRAG_TX"):
 * the handle is allocated, the transaction does not exist yet, and everything but FFA_MEM_FRAG_TX on
 * its handle is INVALID_PARAMETERS.
 *
 * @param handle the handle the SPMC returned with FFA_MEM_FRAG_RX
 * @param caller the endpoint sending the fragments
 * @param type the operation
 * @param version the sender's FF-A version, which fixes the descriptor layout
 * @param totalLength the descriptor's total length (w1 of the send)
 * @param received the bytes received so far
 * @param fragmentLengths the length of each fragment received, in order
 */
public record FragmentedSend(long handle, EndpointId caller, TransactionType type, SpecVersion version,
        int totalLength, byte[] received, List<Integer> fragmentLengths) {

    public FragmentedSend {
        received = received.clone();
        fragmentLengths = List.copyOf(fragmentLengths);
    }

    @Override
    public byte[] received() {
        return received.clone();
    }

    public int receivedLength() {
        return received.length;
    }

    /** This send with {@code fragment} appended. */
    public FragmentedSend plus(byte[] fragment) {
        byte[] joined = Arrays.copyOf(received, received.length + fragment.length);
        System.arraycopy(fragment, 0, joined, received.length, fragment.length);
        List<Integer> lengths = new ArrayList<>(fragmentLengths);
        lengths.add(fragment.length);
        return new FragmentedSend(handle, caller, type, version, totalLength, joined, lengths);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FragmentedSend that && handle == that.handle && caller.equals(that.caller)
                && type == that.type && version.equals(that.version) && totalLength == that.totalLength
                && Arrays.equals(received, that.received) && fragmentLengths.equals(that.fragmentLengths);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(handle) * 31 + Arrays.hashCode(received);
    }

    @Override
    public String toString() {
        return "FragmentedSend[0x" + Long.toHexString(handle) + " " + type + " " + received.length + "/" + totalLength
                + " bytes]";
    }
}
