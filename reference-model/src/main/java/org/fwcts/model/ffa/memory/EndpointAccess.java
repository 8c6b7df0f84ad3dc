package org.fwcts.model.ffa.memory;

import java.util.Objects;
import org.fwcts.model.ffa.EndpointId;

/**
 * An endpoint memory access descriptor (EMAD): one receiver of a transaction and the access it gets
 * (DEN0077A, "Endpoint memory access descriptor"; from v1.2 DEN0140 Table 1.16; ffa-memory.md §2).
 *
 * <p>Layout: receiver (2) @0, permissions (1) @2, flags (1) @3, composite offset (4) @4, then either
 * 8 reserved bytes (16-byte EMAD, v1.0/v1.1) or a 16-byte implementation-defined value @8 and 8 reserved
 * bytes @24 (32-byte EMAD, v1.2+).
 *
 * <p>{@code compositeOffset} is what a decoded EMAD held. The encoder ignores it and writes the offset
 * at which it places the composite region (or 0 without one); {@link MemoryTransaction#placed} fills it
 * in the same way, so {@code decode(encode(t, layout))} equals {@code t.placed(layout)}.
 *
 * @param receiver the borrower or recipient
 * @param permissions the access permissions byte
 * @param flags the EMAD flags byte: bit 0 is "non-retrieval borrower" (TF-A) or "self borrower" (Linux)
 *     in a multi-borrower retrieve; bits [7:1] are left to callers to check
 * @param compositeOffset offset of the composite region from the start of the descriptor, unsigned 32-bit
 * @param impdef the implementation-defined value (32-byte EMADs only; zero otherwise)
 */
public record EndpointAccess(EndpointId receiver, AccessPermissions permissions, int flags, long compositeOffset,
        Impdef impdef) {

    /**
     * The 16-byte implementation-defined value of a v1.2 EMAD, as two little-endian 64-bit words
     * (Hafnium {@code struct ffa_memory_access_impdef { uint64_t val[2]; }}).
     *
     * @param first the word at EMAD offset 8
     * @param second the word at EMAD offset 16
     */
    public record Impdef(long first, long second) {
        public static final Impdef ZERO = new Impdef(0, 0);

        public boolean isZero() {
            return first == 0 && second == 0;
        }
    }

    public EndpointAccess {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(impdef, "impdef");
        if (flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("EMAD flags are one byte: " + flags);
        }
        if (compositeOffset < 0 || compositeOffset > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("composite offset is an unsigned 32-bit value: " + compositeOffset);
        }
    }

    /** A receiver with the given permissions, no flags, no impdef value, offset left to the encoder. */
    public static EndpointAccess of(EndpointId receiver, AccessPermissions permissions) {
        return new EndpointAccess(receiver, permissions, 0, 0, Impdef.ZERO);
    }

    public EndpointAccess withFlags(int newFlags) {
        return new EndpointAccess(receiver, permissions, newFlags, compositeOffset, impdef);
    }

    public EndpointAccess withPermissions(AccessPermissions newPermissions) {
        return new EndpointAccess(receiver, newPermissions, flags, compositeOffset, impdef);
    }

    public EndpointAccess withCompositeOffset(long newOffset) {
        return new EndpointAccess(receiver, permissions, flags, newOffset, impdef);
    }

    public EndpointAccess withImpdef(Impdef newImpdef) {
        return new EndpointAccess(receiver, permissions, flags, compositeOffset, newImpdef);
    }

    /** Bit 0 of the flags byte (TF-A {@code FFA_MEM_FLAG_NON_RETRIEVAL_BORROWER}). */
    public boolean nonRetrievalBorrower() {
        return (flags & 1) != 0;
    }
}
