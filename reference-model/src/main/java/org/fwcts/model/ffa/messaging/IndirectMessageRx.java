package org.fwcts.model.ffa.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fwcts.model.ffa.Mailbox;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.ffa.memory.Decoded;

/**
 * An indirect message as FFA_MSG_SEND2 leaves it in the receiver's RX buffer: the sender's header
 * and payload, copied from the start of its TX buffer to the end of the payload (DEN0077A,
 * "FFA_MSG_SEND2"; Hafnium {@code api_ffa_msg_send2_copy_data}).
 *
 * @param header the header the SPMC acted on
 * @param layout the header layout of the sender's version, which the receiver reads it in
 * @param known the sender's TX bytes the call carried; bytes past them are not known to the model
 */
public record IndirectMessageRx(IndirectMessageHeader header, IndirectMessageLayout layout, byte[] known)
        implements RxContents {

    public IndirectMessageRx {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(layout, "layout");
        known = known.clone();
    }

    /** A copy of the known TX bytes. */
    @Override
    public byte[] known() {
        return known.clone();
    }

    /** Offset plus size: the bytes the message occupies from the start of the buffer. */
    public int length() {
        return (int) (header.payloadOffset() + header.payloadSize());
    }

    @Override
    public byte[] encode() {
        byte[] bytes = new byte[length()];
        System.arraycopy(known, 0, bytes, 0, Math.min(known.length, bytes.length));
        return bytes;
    }

    @Override
    public List<String> differences(byte[] observedRx) {
        List<String> found = new ArrayList<>();
        if (observedRx.length < length()) {
            found.add("RX holds " + observedRx.length + " bytes; the message occupies " + length());
            return found;
        }
        if (IndirectMessageHeader.decode(known, layout, Mailbox.PAGE_SIZE).isValid()) {
            compareHeader(IndirectMessageHeader.decode(observedRx, layout, Mailbox.PAGE_SIZE), found);
        } else {
            // The sender's header broke a rule its SPMC does not check; it arrives byte for byte.
            compareBytes(observedRx, 0, layout.size(), "header byte ", found);
        }
        compareBytes(observedRx, (int) header.payloadOffset(), length(), "payload byte ", found);
        return found;
    }

    @Override
    public String describe() {
        return "indirect message " + ArgumentRegisters.text(header.sender()) + " -> "
                + ArgumentRegisters.text(header.receiver()) + ", " + header.payloadSize() + "-byte payload at offset "
                + header.payloadOffset();
    }

    private void compareHeader(Decoded<IndirectMessageHeader> observed, List<String> found) {
        if (observed instanceof Decoded.Malformed<IndirectMessageHeader> malformed) {
            found.add("header: " + malformed.describe());
            return;
        }
        IndirectMessageHeader seen = observed.orElseThrow();
        field("sender", header.sender(), seen.sender(), found);
        field("receiver", header.receiver(), seen.receiver(), found);
        field("payload offset", header.payloadOffset(), seen.payloadOffset(), found);
        field("payload size", header.payloadSize(), seen.payloadSize(), found);
        field("UUID", header.uuid(), seen.uuid(), found);
    }

    /** Compares the bytes the model knows in [from, to); reports the first that differs. */
    private void compareBytes(byte[] observed, int from, int to, String what, List<String> found) {
        for (int i = from; i < Math.min(to, known.length); i++) {
            if (observed[i] != known[i]) {
                found.add(what + (i - from) + ": expected 0x" + Integer.toHexString(known[i] & 0xFF) + ", got 0x"
                        + Integer.toHexString(observed[i] & 0xFF));
                return;
            }
        }
    }

    private static void field(String name, Object expected, Object observed, List<String> found) {
        if (!expected.equals(observed)) {
            found.add("message " + name + ": expected " + expected + ", got " + observed);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndirectMessageRx that && header.equals(that.header) && layout == that.layout
                && Arrays.equals(known, that.known);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, layout, Arrays.hashCode(known));
    }

    @Override
    public String toString() {
        return "IndirectMessageRx[" + describe() + ", " + known.length + " bytes known]";
    }
}
