package org.fwcts.model.ffa.memory;

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
        return new FragmentedSend(handle, caller, type, version, totalLength, receivedWith(fragment),
                fragmentLengthsWith(fragment.length));
    }

    /** The bytes received with {@code fragment} appended: the whole descriptor when it is the last. */
    public byte[] receivedWith(byte[] fragment) {
        byte[] joined = Arrays.copyOf(received, received.length + fragment.length);
        System.arraycopy(fragment, 0, joined, received.length, fragment.length);
        return joined;
    }

    /** The fragment lengths with one of {@code length} bytes appended. */
    public List<Integer> fragmentLengthsWith(int length) {
        Integer[] lengths = fragmentLengths.toArray(new Integer[fragmentLengths.size() + 1]);
        lengths[fragmentLengths.size()] = length;
        return List.of(lengths);
    }

    /** The sender the descriptor's first fragment names (its first two bytes). */
    public EndpointId namedSender() {
        return EndpointId.of((received[0] & 0xFF) | (received[1] & 0xFF) << 8);
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
