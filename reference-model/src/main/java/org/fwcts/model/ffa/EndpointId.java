package org.fwcts.model.ffa;

/**
 * A 16-bit FF-A endpoint (partition) ID (DEN0077A, "Partition identification and discovery").
 *
 * <p>Bit 15 set marks a secure-world ID by convention; 0 is the hypervisor, or the OS kernel
 * when no hypervisor runs.
 */
public record EndpointId(int value) implements Comparable<EndpointId> {
    /** The hypervisor, or the normal-world OS when there is no hypervisor. */
    public static final EndpointId HYPERVISOR = new EndpointId(0);
    /** The SPMC's own ID in Hafnium and TF-A's EL3 SPMC. */
    public static final EndpointId SPMC = new EndpointId(0x8000);
    /** The ID implementations use for "no endpoint". */
    public static final EndpointId INVALID = new EndpointId(0x7FFF);

    public EndpointId {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("endpoint ID out of 16-bit range: " + value);
        }
    }

    public static EndpointId of(int value) {
        return new EndpointId(value);
    }

    /** The low 16 bits of {@code field}. */
    public static EndpointId low16(long field) {
        return new EndpointId((int) (field & 0xFFFF));
    }

    /** Bits [31:16] of {@code field}. */
    public static EndpointId high16(long field) {
        return new EndpointId((int) ((field >>> 16) & 0xFFFF));
    }

    public boolean isSecure() {
        return (value & 0x8000) != 0;
    }

    @Override
    public int compareTo(EndpointId other) {
        return Integer.compare(value, other.value);
    }

    // Written out with the record's own meaning: the generated equals and hashCode are
    // bootstrapped through method handles on first use, dozens of classes spun at every start.
    @Override
    public boolean equals(Object other) {
        return other instanceof EndpointId id && id.value == value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    @Override
    public String toString() {
        return org.fwcts.model.Hex.padded(value, 4, false);
    }
}
